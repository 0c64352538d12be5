"""AWS's models as the scripts take them: the Smithy models' `all-services.tar.xz` archive,
or a folder laid out as `api-models-aws` is (SERVICE/service/VERSION/SERVICE-VERSION.json);
a botocore service's folder (VERSION/service-2.json[.gz])."""
import os
import tarfile


def smithy_models(source, scratch):
    """{service: path of its model}, the newest version of each; an archive is unpacked into
    `scratch` first."""
    if os.path.isfile(source):
        with tarfile.open(source) as archive:
            archive.extractall(scratch, filter="data")
        source = scratch
    models = {}
    for service in sorted(os.listdir(source)):
        folder = os.path.join(source, service, "service")
        if not os.path.isdir(folder):
            continue
        for version in sorted(os.listdir(folder)):
            for name in sorted(os.listdir(os.path.join(folder, version))):
                if name.endswith(".json"):
                    models[service] = os.path.join(folder, version, name)
    return models


def botocore_model_file(folder):
    """The newest version's `service-2.json` (or `.json.gz`) in a botocore service's folder,
    or None."""
    versions = sorted(
        v for v in os.listdir(folder) if os.path.isdir(os.path.join(folder, v))
    )
    for version in reversed(versions):
        for name in ("service-2.json", "service-2.json.gz"):
            path = os.path.join(folder, version, name)
            if os.path.exists(path):
                return path
    return None
