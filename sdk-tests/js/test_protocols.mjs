// The AWS SDK for JavaScript v3 against `aws-constraints serve --model`, one service per
// AWS protocol, each served from botocore's model of it: an invalid request must raise, in
// the SDK, the error code and the message AWS's service sends (where a real answer is
// known, its source is named), and a valid one succeed.
//
// Usage: node test_protocols.mjs PATH_TO_aws-constraints_BINARY BOTOCORE_DATA_FOLDER

import assert from "node:assert/strict";

import { DynamoDBClient, ExecuteStatementCommand } from "@aws-sdk/client-dynamodb";
import { KMSClient, GenerateRandomCommand } from "@aws-sdk/client-kms";
import { STSClient, AssumeRoleCommand } from "@aws-sdk/client-sts";
import { LambdaClient, CreateAliasCommand } from "@aws-sdk/client-lambda";
import { EC2Client, CreateTagsCommand, DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { Route53Client, GetHostedZoneCommand } from "@aws-sdk/client-route-53";
import { CloudWatchClient, SetAlarmStateCommand } from "@aws-sdk/client-cloudwatch";

import { config, errorOf, runCases, startListening } from "./common.mjs";

const [binary, data] = process.argv.slice(2);

/** `aws-constraints serve --model DATA --service SERVICE` on a free port. */
const serve = (service) =>
  startListening(binary, ["serve", "--addr", "127.0.0.1:0", "--model", data, "--service", service]);

const cases = [
  [
    "awsJson1_0: DynamoDB",
    "dynamodb",
    async (url) => {
      // localstack/localstack@8b9a79f tests/aws/services/dynamodb/test_dynamodb.snapshot.json
      const client = new DynamoDBClient(config(url));
      assert.deepEqual(
        await errorOf(() => client.send(new ExecuteStatementCommand({ Statement: "SELECT * FROM t", Parameters: [] }))),
        [
          "ValidationException",
          "1 validation error detected: Value '[]' at 'parameters' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ],
      );
    },
  ],
  [
    "awsJson1_1: KMS",
    "kms",
    async (url) => {
      // localstack/localstack@8b9a79f tests/aws/services/kms/test_kms.snapshot.json
      const client = new KMSClient(config(url));
      assert.deepEqual(await errorOf(() => client.send(new GenerateRandomCommand({ NumberOfBytes: 0 }))), [
        "ValidationException",
        "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
      ]);
    },
  ],
  [
    "awsQuery: STS",
    "sts",
    async (url) => {
      // The message: localstack/localstack@5e1aa16 tests/aws/services/sts/test_sts.snapshot.json;
      // the code: mmmorris1975/aws-runas#80.
      const client = new STSClient(config(url));
      const session = "s".repeat(65);
      assert.deepEqual(
        await errorOf(() =>
          client.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::123456789012:role/r", RoleSessionName: session })),
        ),
        [
          "ValidationError",
          `1 validation error detected: Value '${session}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
        ],
      );
    },
  ],
  [
    "restJson1: Lambda",
    "lambda",
    async (url) => {
      // localstack/localstack@8b9a79f tests/aws/services/lambda_/test_lambda_api.snapshot.json;
      // the code: cloud-custodian/cloud-custodian#3006.
      const client = new LambdaClient(config(url));
      assert.deepEqual(
        await errorOf(() => client.send(new CreateAliasCommand({ FunctionName: "f", Name: "2024", FunctionVersion: "1" }))),
        [
          "ValidationException",
          "1 validation error detected: Value '2024' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)",
        ],
      );
    },
  ],
  [
    "ec2Query: EC2",
    "ec2",
    async (url) => {
      const client = new EC2Client(config(url));
      const valid = await client.send(new DescribeInstancesCommand({ MaxResults: 5 }));
      assert.equal(valid.$metadata.httpStatusCode, 200);
      assert.deepEqual(await errorOf(() => client.send(new CreateTagsCommand({ Tags: [{ Key: "k", Value: "v" }] }))), [
        "InvalidParameterValue",
        "1 validation error detected: Value null at 'resources' failed to satisfy constraint: Member must not be null",
      ]);
    },
  ],
  [
    "restXml: Route 53",
    "route53",
    async (url) => {
      const client = new Route53Client(config(url));
      const id = "x".repeat(40);
      // The code is Route 53's own (hashicorp/terraform#24250). Those reports print other
      // members of this type at 'resourceId', the type's name; what Route 53 prints for
      // GetHostedZone's Id nobody has recorded.
      assert.deepEqual(await errorOf(() => client.send(new GetHostedZoneCommand({ Id: id }))), [
        "InvalidInput",
        `1 validation error detected: Value '${id}' at 'id' failed to satisfy constraint: Member must have length less than or equal to 32`,
      ]);
    },
  ],
  [
    "rpcv2Cbor (or what the SDK picks): CloudWatch",
    "cloudwatch",
    async (url) => {
      const client = new CloudWatchClient(config(url));
      const [code, message] = await errorOf(() =>
        client.send(new SetAlarmStateCommand({ AlarmName: "a", StateValue: "INVALID", StateReason: "t" })),
      );
      assert.equal(code, "ValidationException");
      assert.ok(
        message.startsWith(
          "1 validation error detected: Value 'INVALID' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [",
        ),
        message,
      );
    },
  ],
];

const passed = await runCases(
  cases.map(([name, service, test]) => [
    name,
    async () => {
      const { child, url } = await serve(service);
      try {
        await test(url);
      } finally {
        child.kill();
      }
    },
  ]),
);
process.exit(passed ? 0 : 1);
