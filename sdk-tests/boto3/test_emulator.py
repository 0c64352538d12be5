"""The emulator driven by boto3, the AWS SDK for Python.

Every scenario runs twice: with boto3's own parameter validation off, so that what is
tested is the emulator's validation, and with it on, to show that the client and the
emulator agree (boto3 checks required members, types and minimum lengths before sending;
the emulator checks the rest and answers with the operation's modeled error).

Usage: python test_emulator.py PATH_TO_aws-constraints_BINARY
"""

import subprocess
import sys
import unittest

from botocore.exceptions import ClientError, ParamValidationError

from common import client, error_of

BINARY = sys.argv.pop(1) if len(sys.argv) > 1 else "aws-constraints"
INSTANCE = "8a2b1c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"


class Emulator:
    """An `aws-constraints serve` process on a free loopback port."""

    def __enter__(self):
        self.process = subprocess.Popen(
            [BINARY, "serve", "--addr", "127.0.0.1:0", "--connect-instance", INSTANCE],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        line = self.process.stdout.readline().strip()
        self.url = line.removeprefix("listening on ")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stdout.close()


class Scenarios:
    validate = None

    def setUp(self):
        self.emulator = Emulator().__enter__()

    def tearDown(self):
        self.emulator.__exit__()

    def client(self, service):
        return client(service, self.emulator.url, self.validate)

    def test_create_app_instance(self):
        chime = self.client("chime-sdk-identity")
        first = chime.create_app_instance(Name="chat", ClientRequestToken="token-1")
        self.assertEqual(first["ResponseMetadata"]["HTTPStatusCode"], 201)
        again = chime.create_app_instance(Name="chat", ClientRequestToken="token-1")
        self.assertEqual(again["AppInstanceArn"], first["AppInstanceArn"])
        code, _ = error_of(lambda: chime.create_app_instance(Name="x", ClientRequestToken="token-1"))
        self.assertEqual(code, "ConflictException")
        code, message = error_of(lambda: chime.create_app_instance(Name="chat", ClientRequestToken="t!"))
        self.assertEqual(code, "BadRequestException")
        self.assertEqual(
            message,
            "1 validation error detected: Value 't!' at 'clientRequestToken' failed to satisfy "
            "constraint: Member must satisfy regular expression pattern: [-_a-zA-Z0-9]*",
        )

    def test_too_short_token(self):
        chime = self.client("chime-sdk-identity")
        call = lambda: chime.create_app_instance(Name="chat", ClientRequestToken="t")
        if self.validate:
            # boto3 checks minimum lengths itself, before sending.
            self.assertRaises(ParamValidationError, call)
        else:
            code, message = error_of(call)
            self.assertEqual(code, "BadRequestException")
            self.assertIn("Member must have length greater than or equal to 2", message)

    def test_create_application(self):
        apps = self.client("servicecatalog-appregistry")
        created = apps.create_application(name="orders", clientToken="c-1", tags={"team": "x"})
        self.assertEqual(len(created["application"]["id"]), 26)
        code, _ = error_of(lambda: apps.create_application(name="orders", clientToken="c-2"))
        self.assertEqual(code, "ConflictException")
        code, message = error_of(
            lambda: apps.create_application(name="my-app", clientToken="c-3", tags={"aws:x": "v"})
        )
        self.assertEqual(code, "ValidationException")
        self.assertTrue(message.startswith("2 validation errors detected: "), message)

    def test_replicate_instance(self):
        connect = self.client("connect")
        arn = f"arn:aws:connect:us-east-1:123456789012:instance/{INSTANCE}"
        done = connect.replicate_instance(
            InstanceId=arn, ReplicaRegion="us-west-2", ReplicaAlias="west", ClientToken="r-1"
        )
        self.assertEqual(done["Id"], INSTANCE)
        code, _ = error_of(
            lambda: connect.replicate_instance(
                InstanceId=INSTANCE.replace("8a2b", "0000"), ReplicaRegion="us-west-2", ReplicaAlias="w2"
            )
        )
        self.assertEqual(code, "ResourceNotFoundException")
        code, message = error_of(
            lambda: connect.replicate_instance(
                InstanceId=INSTANCE, ReplicaRegion="us-west-2", ReplicaAlias="d-alias"
            )
        )
        self.assertEqual(code, "InvalidRequestException")
        self.assertNotIn("d-alias", message)

    def test_create_schema(self):
        directory = self.client("clouddirectory")
        created = directory.create_schema(Name="orders.v1")
        self.assertTrue(created["SchemaArn"].endswith("/orders.v1"))
        code, _ = error_of(lambda: directory.create_schema(Name="orders.v1"))
        self.assertEqual(code, "SchemaAlreadyExistsException")
        code, _ = error_of(lambda: directory.create_schema(Name="orders v1"))
        self.assertEqual(code, "ValidationException")

    def test_create_thing(self):
        iot = self.client("iot")
        payload = lambda room: {"attributes": {"room": room}}
        created = iot.create_thing(thingName="sensor:42", attributePayload=payload("lab-3"))
        same = iot.create_thing(thingName="sensor:42", attributePayload=payload("lab-3"))
        self.assertEqual(same["thingId"], created["thingId"])
        try:
            iot.create_thing(thingName="sensor:42", attributePayload=payload("lab-4"))
            self.fail("expected ResourceAlreadyExistsException")
        except ClientError as e:
            self.assertEqual(e.response["Error"]["Code"], "ResourceAlreadyExistsException")
            self.assertEqual(e.response["resourceId"], created["thingId"])
        code, _ = error_of(lambda: iot.create_thing(thingName="sensor 42"))
        self.assertEqual(code, "InvalidRequestException")


class WithoutClientValidation(Scenarios, unittest.TestCase):
    validate = False


class WithClientValidation(Scenarios, unittest.TestCase):
    validate = True


if __name__ == "__main__":
    unittest.main(verbosity=1)
