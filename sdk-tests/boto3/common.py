"""What the boto3 tests share: a client pointed at a local endpoint, and the error a call raises."""

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


def client(service, url, validate=False):
    """A boto3 client of `service` at `url`, with boto3's own parameter validation as said."""
    return boto3.client(
        service,
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="AKIDTEST",
        aws_secret_access_key="secret",
        config=Config(parameter_validation=validate, retries={"max_attempts": 1}),
    )


def error_of(call):
    """The error code and message `call` raised."""
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"].get("Message", "")
    raise AssertionError("expected an error")
