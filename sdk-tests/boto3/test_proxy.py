"""boto3 through `aws-constraints proxy` in front of moto's server.

moto (pinned in scripts/boto3-venv.sh) runs on a free loopback port, the proxy in front of it
with botocore's models; boto3 runs with its own parameter validation off. Valid calls must
succeed exactly as against moto alone; invalid ones must raise what AWS raises, including
the gaps emulators have been reported for (SSM GetParametersByPath's MaxResults, STS role
session names, which moto takes); with --dry-run everything reaches moto and the proxy only
logs.

Usage: python test_proxy.py PATH_TO_aws-constraints_BINARY BOTOCORE_DATA_FOLDER
"""

import os
import socket
import subprocess
import sys
import time
import unittest

from common import client, error_of

BINARY, DATA = sys.argv.pop(1), sys.argv.pop(1)
MOTO = os.path.join(os.path.dirname(sys.executable), "moto_server")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Moto:
    def __enter__(self):
        self.port = free_port()
        self.process = subprocess.Popen(
            [MOTO, "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        self.url = f"http://127.0.0.1:{self.port}"
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)


class Proxy:
    def __init__(self, upstream, *args):
        self.upstream, self.args = upstream, list(args)

    def __enter__(self):
        self.process = subprocess.Popen(
            [BINARY, "proxy", "--listen", "127.0.0.1:0", "--upstream", self.upstream,
             "--models", DATA, *self.args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.url = self.process.stdout.readline().strip().removeprefix("listening on ")
        return self

    def __exit__(self, *exc):
        self.process.send_signal(2)
        _, self.log = self.process.communicate(timeout=30)


def without_metadata(response):
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


class ThroughTheProxy(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = Moto().__enter__()
        cls.proxy = Proxy(cls.moto.url).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.proxy.__exit__(None, None, None)
        cls.moto.__exit__(None, None, None)
        print(cls.proxy.log, file=sys.stderr)

    def both(self, service):
        return client(service, self.proxy.url), client(service, self.moto.url)

    def test_valid_calls_answer_as_moto_does(self):
        ssm, ssm_direct = self.both("ssm")
        ssm.put_parameter(Name="/app/one", Value="1", Type="String")
        self.assertEqual(
            without_metadata(ssm.get_parameters_by_path(Path="/app", MaxResults=10)),
            without_metadata(ssm_direct.get_parameters_by_path(Path="/app", MaxResults=10)),
        )
        sqs, sqs_direct = self.both("sqs")
        url = sqs.create_queue(QueueName="queue-one")["QueueUrl"]
        sqs.send_message(QueueUrl=url, MessageBody="hello")
        self.assertIn("queue-one", str(sqs_direct.list_queues()))
        dynamodb, _ = self.both("dynamodb")
        dynamodb.create_table(
            TableName="table-one",
            KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        dynamodb.put_item(TableName="table-one", Item={"k": {"S": "v"}})
        self.assertEqual(dynamodb.get_item(TableName="table-one", Key={"k": {"S": "v"}})["Item"],
                         {"k": {"S": "v"}})
        s3, s3_direct = self.both("s3")
        s3.create_bucket(Bucket="bucket-one")
        s3.put_object(Bucket="bucket-one", Key="a/b.txt", Body=b"hello")
        self.assertEqual(s3_direct.get_object(Bucket="bucket-one", Key="a/b.txt")["Body"].read(), b"hello")
        # Larger than what the proxy reads to check it: streamed through, unchecked.
        big = b"x" * (65 << 20)
        s3.put_object(Bucket="bucket-one", Key="big", Body=big)
        self.assertEqual(s3_direct.head_object(Bucket="bucket-one", Key="big")["ContentLength"], len(big))
        sns, _ = self.both("sns")
        topic = sns.create_topic(Name="topic-one")["TopicArn"]
        self.assertTrue(sns.publish(TopicArn=topic, Message="m")["MessageId"])
        iam, _ = self.both("iam")
        iam.create_role(RoleName="role-one", AssumeRolePolicyDocument="{}")
        sts, _ = self.both("sts")
        self.assertTrue(sts.assume_role(RoleArn="arn:aws:iam::123456789012:role/role-one",
                                        RoleSessionName="ok")["Credentials"])
        kms, _ = self.both("kms")
        self.assertEqual(len(kms.generate_random(NumberOfBytes=8)["Plaintext"]), 8)
        secrets, _ = self.both("secretsmanager")
        secrets.create_secret(Name="secret-one", SecretString="x")
        ec2, _ = self.both("ec2")
        self.assertIn("Reservations", ec2.describe_instances())
        awslambda, _ = self.both("lambda")
        self.assertIn("Functions", awslambda.list_functions())

    def test_invalid_calls_raise_what_aws_raises(self):
        ssm, _ = self.both("ssm")
        # The gap reported to LocalStack: AWS allows 10 (moto now checks it too, with
        # another message: the proxy answers first, with AWS's).
        self.assertEqual(
            error_of(lambda: ssm.get_parameters_by_path(Path="/app", MaxResults=20)),
            (
                "ValidationException",
                "1 validation error detected: Value '20' at 'maxResults' failed to satisfy "
                "constraint: Member must have value less than or equal to 10",
            ),
        )
        sts, _ = self.both("sts")
        code, message = error_of(
            lambda: sts.assume_role(RoleArn="arn:aws:iam::123456789012:role/r", RoleSessionName="bad name")
        )
        self.assertEqual(code, "ValidationError")
        self.assertIn("Value 'bad name' at 'roleSessionName' failed to satisfy constraint", message)
        kms, _ = self.both("kms")
        # localstack/localstack@8b9a79f tests/aws/services/kms/test_kms.snapshot.json
        self.assertEqual(
            error_of(lambda: kms.generate_random(NumberOfBytes=0)),
            (
                "ValidationException",
                "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy "
                "constraint: Member must have value greater than or equal to 1",
            ),
        )
        iam, _ = self.both("iam")
        # boto/botocore#3337: real IAM leaves the value out.
        self.assertEqual(
            error_of(
                lambda: iam.create_role(RoleName="r", AssumeRolePolicyDocument="{}", MaxSessionDuration=1000000)
            ),
            (
                "ValidationError",
                "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy "
                "constraint: Member must have value less than or equal to 43200",
            ),
        )


class DryRun(unittest.TestCase):
    def test_everything_reaches_the_emulator_and_the_gap_is_logged(self):
        with Moto() as moto:
            with Proxy(moto.url, "--dry-run") as proxy:
                sts = client("sts", proxy.url)
                # moto takes what AWS refuses.
                sts.assume_role(RoleArn="arn:aws:iam::123456789012:role/r", RoleSessionName="bad name")
            self.assertIn("would reject sts AssumeRole", proxy.log)
            self.assertIn("sts: 1 forwarded, 0 rejected", proxy.log)


if __name__ == "__main__":
    unittest.main()
