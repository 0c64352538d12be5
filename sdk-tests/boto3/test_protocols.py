"""boto3 against `aws-constraints serve --model`, one service per AWS protocol.

Each service is served from botocore's own model (the one boto3 calls it with), and boto3
runs with its parameter validation off, so that what answers is the server's validation:
an invalid request must raise, in boto3, the error code and the message AWS's service
sends (where a real answer is known: its source is named), a malformed one the protocol's
serialization error, and a valid one succeed.

Usage: python test_protocols.py PATH_TO_aws-constraints_BINARY BOTOCORE_DATA_FOLDER
"""

import subprocess
import sys
import unittest

from common import client, error_of

BINARY, DATA = sys.argv.pop(1), sys.argv.pop(1)


class Server:
    """`aws-constraints serve --model DATA --service SERVICE` on a free loopback port."""

    def __init__(self, service):
        self.service = service

    def __enter__(self):
        self.process = subprocess.Popen(
            [BINARY, "serve", "--addr", "127.0.0.1:0", "--model", DATA, "--service", self.service],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        url = self.process.stdout.readline().strip().removeprefix("listening on ")
        return client(self.service, url)

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stdout.close()


class Protocols(unittest.TestCase):
    def test_aws_json_1_0_dynamodb(self):
        # localstack/localstack@8b9a79f tests/aws/services/dynamodb/test_dynamodb.snapshot.json
        with Server("dynamodb") as dynamodb:
            self.assertEqual(
                error_of(lambda: dynamodb.execute_statement(Statement="SELECT * FROM t", Parameters=[])),
                (
                    "ValidationException",
                    "1 validation error detected: Value '[]' at 'parameters' failed to satisfy "
                    "constraint: Member must have length greater than or equal to 1",
                ),
            )
            code, _ = error_of(lambda: dynamodb.scan(TableName="table", Limit="ten"))
            self.assertEqual(code, "SerializationException")

    def test_aws_json_1_1_kms(self):
        # localstack/localstack@8b9a79f tests/aws/services/kms/test_kms.snapshot.json
        with Server("kms") as kms:
            self.assertEqual(
                error_of(lambda: kms.generate_random(NumberOfBytes=0)),
                (
                    "ValidationException",
                    "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy "
                    "constraint: Member must have value greater than or equal to 1",
                ),
            )

    def test_aws_query_sts(self):
        # The message: localstack/localstack@5e1aa16 tests/aws/services/sts/test_sts.snapshot.json;
        # the code: mmmorris1975/aws-runas#80 (`api error ValidationError`).
        session = "s" * 65
        with Server("sts") as sts:
            self.assertEqual(
                error_of(
                    lambda: sts.assume_role(
                        RoleArn="arn:aws:iam::123456789012:role/r", RoleSessionName=session
                    )
                ),
                (
                    "ValidationError",
                    f"1 validation error detected: Value '{session}' at 'roleSessionName' failed to "
                    "satisfy constraint: Member must have length less than or equal to 64",
                ),
            )

    def test_rest_json_1_lambda(self):
        # The message: localstack/localstack@8b9a79f
        # tests/aws/services/lambda_/test_lambda_api.snapshot.json; the code:
        # cloud-custodian/cloud-custodian#3006 (`An error occurred (ValidationException)`).
        with Server("lambda") as awslambda:
            self.assertEqual(
                error_of(
                    lambda: awslambda.create_alias(FunctionName="f", Name="2024", FunctionVersion="1")
                ),
                (
                    "ValidationException",
                    "1 validation error detected: Value '2024' at 'name' failed to satisfy "
                    "constraint: Member must satisfy regular expression pattern: "
                    "(?!^[0-9]+$)([a-zA-Z0-9-_]+)",
                ),
            )

    def test_ec2_query_ec2(self):
        with Server("ec2") as ec2:
            self.assertEqual(
                ec2.describe_instances(MaxResults=5)["ResponseMetadata"]["HTTPStatusCode"], 200
            )
            self.assertEqual(
                error_of(lambda: ec2.create_tags(Tags=[{"Key": "k", "Value": "v"}])),
                (
                    "InvalidParameterValue",
                    "1 validation error detected: Value null at 'resources' failed to satisfy "
                    "constraint: Member must not be null",
                ),
            )

    def test_rest_xml_route53(self):
        with Server("route53") as route53:
            # The code is Route 53's own (hashicorp/terraform#24250). Those reports print other
            # members of this type at 'resourceId', the type's name; what Route 53 prints for
            # GetHostedZone's Id nobody has recorded.
            self.assertEqual(
                error_of(lambda: route53.get_hosted_zone(Id="x" * 40)),
                (
                    "InvalidInput",
                    f"1 validation error detected: Value '{'x' * 40}' at 'id' failed to satisfy "
                    "constraint: Member must have length less than or equal to 32",
                ),
            )

    def test_cloudwatch_speaks_what_boto3_speaks(self):
        # CloudWatch speaks rpcv2Cbor, awsJson1_0 and awsQuery; boto3 picks one of them.
        with Server("cloudwatch") as cloudwatch:
            code, message = error_of(
                lambda: cloudwatch.set_alarm_state(AlarmName="a", StateValue="INVALID", StateReason="t")
            )
            self.assertEqual(code, "ValidationException")
            self.assertTrue(
                message.startswith(
                    "1 validation error detected: Value 'INVALID' at 'stateValue' failed to "
                    "satisfy constraint: Member must satisfy enum value set: ["
                ),
                message,
            )


if __name__ == "__main__":
    unittest.main()
