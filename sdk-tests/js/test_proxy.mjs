// The AWS SDK for JavaScript v3 through `aws-constraints proxy` in front of moto's server,
// one service per AWS protocol: a valid call must answer as moto alone answers it, an
// invalid one must raise the error code and the message AWS's service sends (where a real
// answer is known, its source is named), including the gaps emulators were reported for.
//
// Usage: node test_proxy.mjs PATH_TO_aws-constraints_BINARY BOTOCORE_DATA_FOLDER PATH_TO_moto_server

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createConnection, createServer } from "node:net";

import { DynamoDBClient, CreateTableCommand, ExecuteStatementCommand, GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { SSMClient, GetParametersByPathCommand, PutParameterCommand } from "@aws-sdk/client-ssm";
import { KMSClient, GenerateRandomCommand } from "@aws-sdk/client-kms";
import { SQSClient, CreateQueueCommand, ListQueuesCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { STSClient, AssumeRoleCommand } from "@aws-sdk/client-sts";
import { IAMClient, CreateRoleCommand } from "@aws-sdk/client-iam";
import { LambdaClient, CreateAliasCommand, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { EC2Client, CreateTagsCommand, DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { S3Client, CreateBucketCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";

import { config, errorOf, runCases, startListening } from "./common.mjs";

const [binary, data, motoServer] = process.argv.slice(2);

/** A loopback port nothing listens on. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** moto's server on a free loopback port, once it accepts connections. */
async function startMoto() {
  const port = await freePort();
  const child = spawn(motoServer, ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const connected = await new Promise((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port }, () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (connected) return { child, url: `http://127.0.0.1:${port}` };
    if (Date.now() > deadline) throw new Error("moto's server did not start in 30 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const moto = await startMoto();
const proxy = await startListening(binary, ["proxy", "--listen", "127.0.0.1:0", "--upstream", moto.url, "--models", data]);

/** A client of `Client` through the proxy, and one talking to moto directly. */
const both = (Client, extra = {}) => [
  new Client({ ...config(proxy.url), ...extra }),
  new Client({ ...config(moto.url), ...extra }),
];

const cases = [
  [
    "awsJson1_0: DynamoDB",
    async () => {
      const [dynamodb] = both(DynamoDBClient);
      await dynamodb.send(
        new CreateTableCommand({
          TableName: "js-table",
          KeySchema: [{ AttributeName: "k", KeyType: "HASH" }],
          AttributeDefinitions: [{ AttributeName: "k", AttributeType: "S" }],
          BillingMode: "PAY_PER_REQUEST",
        }),
      );
      await dynamodb.send(new PutItemCommand({ TableName: "js-table", Item: { k: { S: "v" } } }));
      const { Item } = await dynamodb.send(new GetItemCommand({ TableName: "js-table", Key: { k: { S: "v" } } }));
      assert.deepEqual(Item, { k: { S: "v" } });
      // localstack/localstack@8b9a79f tests/aws/services/dynamodb/test_dynamodb.snapshot.json
      assert.deepEqual(
        await errorOf(() => dynamodb.send(new ExecuteStatementCommand({ Statement: "SELECT * FROM t", Parameters: [] }))),
        [
          "ValidationException",
          "1 validation error detected: Value '[]' at 'parameters' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ],
      );
    },
  ],
  [
    "awsJson1_1: SSM, the gap reported to LocalStack (GetParametersByPath's MaxResults)",
    async () => {
      const [ssm, ssmDirect] = both(SSMClient);
      await ssm.send(new PutParameterCommand({ Name: "/js/one", Value: "1", Type: "String" }));
      const through = await ssm.send(new GetParametersByPathCommand({ Path: "/js", MaxResults: 10 }));
      const direct = await ssmDirect.send(new GetParametersByPathCommand({ Path: "/js", MaxResults: 10 }));
      assert.deepEqual(through.Parameters, direct.Parameters);
      assert.equal(through.Parameters.length, 1);
      assert.deepEqual(await errorOf(() => ssm.send(new GetParametersByPathCommand({ Path: "/js", MaxResults: 20 }))), [
        "ValidationException",
        "1 validation error detected: Value '20' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10",
      ]);
    },
  ],
  [
    "awsJson1_1: KMS",
    async () => {
      const [kms] = both(KMSClient);
      assert.equal((await kms.send(new GenerateRandomCommand({ NumberOfBytes: 8 }))).Plaintext.length, 8);
      // localstack/localstack@8b9a79f tests/aws/services/kms/test_kms.snapshot.json
      assert.deepEqual(await errorOf(() => kms.send(new GenerateRandomCommand({ NumberOfBytes: 0 }))), [
        "ValidationException",
        "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
      ]);
    },
  ],
  [
    "awsJson1_0 or awsQuery, as the SDK picks: SQS",
    async () => {
      const [sqs, sqsDirect] = both(SQSClient);
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "js-queue" }));
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "hello" }));
      assert.ok((await sqsDirect.send(new ListQueuesCommand({}))).QueueUrls.some((url) => url.endsWith("/js-queue")));
    },
  ],
  [
    "awsQuery: STS, role session names",
    async () => {
      const [sts] = both(STSClient);
      const { Credentials } = await sts.send(
        new AssumeRoleCommand({ RoleArn: "arn:aws:iam::123456789012:role/r", RoleSessionName: "ok" }),
      );
      assert.ok(Credentials.AccessKeyId);
      const [code, message] = await errorOf(() =>
        sts.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::123456789012:role/r", RoleSessionName: "bad name" })),
      );
      assert.equal(code, "ValidationError");
      assert.ok(message.includes("Value 'bad name' at 'roleSessionName' failed to satisfy constraint"), message);
    },
  ],
  [
    "awsQuery: IAM, no value echoed",
    async () => {
      const [iam] = both(IAMClient);
      await iam.send(new CreateRoleCommand({ RoleName: "js-role", AssumeRolePolicyDocument: "{}" }));
      // boto/botocore#3337: real IAM leaves the value out.
      assert.deepEqual(
        await errorOf(() =>
          iam.send(new CreateRoleCommand({ RoleName: "r", AssumeRolePolicyDocument: "{}", MaxSessionDuration: 1000000 })),
        ),
        [
          "ValidationError",
          "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200",
        ],
      );
    },
  ],
  [
    "restJson1: Lambda",
    async () => {
      const [lambda] = both(LambdaClient);
      assert.ok(Array.isArray((await lambda.send(new ListFunctionsCommand({}))).Functions));
      // localstack/localstack@8b9a79f tests/aws/services/lambda_/test_lambda_api.snapshot.json
      assert.deepEqual(
        await errorOf(() => lambda.send(new CreateAliasCommand({ FunctionName: "f", Name: "2024", FunctionVersion: "1" }))),
        [
          "ValidationException",
          "1 validation error detected: Value '2024' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)",
        ],
      );
    },
  ],
  [
    "ec2Query: EC2",
    async () => {
      const [ec2] = both(EC2Client);
      assert.ok(Array.isArray((await ec2.send(new DescribeInstancesCommand({}))).Reservations));
      assert.deepEqual(await errorOf(() => ec2.send(new CreateTagsCommand({ Tags: [{ Key: "k", Value: "v" }] }))), [
        "InvalidParameterValue",
        "1 validation error detected: Value null at 'resources' failed to satisfy constraint: Member must not be null",
      ]);
    },
  ],
  [
    "restXml: S3",
    async () => {
      const [s3, s3Direct] = both(S3Client, { forcePathStyle: true });
      await s3.send(new CreateBucketCommand({ Bucket: "js-bucket" }));
      await s3.send(new PutObjectCommand({ Bucket: "js-bucket", Key: "a/b.txt", Body: "hello" }));
      const object = await s3Direct.send(new GetObjectCommand({ Bucket: "js-bucket", Key: "a/b.txt" }));
      assert.equal(await object.Body.transformToString(), "hello");
    },
  ],
];

let passed = false;
try {
  passed = await runCases(cases);
} finally {
  proxy.child.kill("SIGINT");
  moto.child.kill();
}
process.exit(passed ? 0 : 1);
