#!/usr/bin/env python3
# boto3 behind the adapter protocol (README.md, "Verify an SDK"): one JSON request per stdin line,
# one JSON answer per stdout line.
import base64
import datetime
import json
import sys


def say(line):
    sys.stdout.write(json.dumps(line) + '\n')
    sys.stdout.flush()


try:
    import boto3
    import botocore
    from botocore.config import Config
    from botocore.exceptions import ClientError, ParamValidationError, BotoCoreError, ConnectionError as BotoConnectionError
    from botocore.retries import standard
except ImportError:
    say({'ready': False, 'missing': 'python3 cannot import boto3: install it with `python3 -m pip install boto3`'})
    sys.exit(0)

clients = {}


def client_for(r):
    c = r['credentials']
    key = json.dumps([r['endpoint'], r['region'], c, r['retry']['maxAttempts'], r['timeoutMs']], sort_keys=True)
    if key not in clients:
        seconds = max(1, r['timeoutMs'] / 1000)
        clients[key] = boto3.session.Session().client(
            'omics',
            endpoint_url=r['endpoint'],
            region_name=r['region'],
            aws_access_key_id=c['accessKeyId'],
            aws_secret_access_key=c['secretAccessKey'],
            aws_session_token=c.get('sessionToken'),
            # The endpoint is the host: no `control-storage-` in front of it.
            config=Config(inject_host_prefix=False, retries={'total_max_attempts': r['retry']['maxAttempts'], 'mode': 'standard'}, connect_timeout=seconds, read_timeout=seconds),
        )
    return clients[key]


def unknown_member(shape, value, path):
    """The first member of value that the client's model of shape does not have, as a path."""
    if shape is None or value is None:
        return None
    if shape.type_name == 'structure' and isinstance(value, dict):
        for k, v in value.items():
            if k not in shape.members:
                return path + '.' + k
            inner = unknown_member(shape.members[k], v, path + '.' + k)
            if inner:
                return inner
    elif shape.type_name == 'list' and isinstance(value, list):
        for i, v in enumerate(value):
            inner = unknown_member(shape.member, v, '%s[%d]' % (path, i))
            if inner:
                return inner
    elif shape.type_name == 'map' and isinstance(value, dict):
        for k, v in value.items():
            inner = unknown_member(shape.value, v, path + '.' + k)
            if inner:
                return inner
    return None


def plain(value):
    """The output as JSON: datetimes as ISO 8601 strings, bytes as base64."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


class _Status:
    def __init__(self, status_code):
        self.status_code = status_code


def service_error(e, client, operation_model):
    error = e.response.get('Error', {})
    meta = e.response.get('ResponseMetadata', {})
    code = error.get('Code', 'Unknown')
    status = meta.get('HTTPStatusCode')
    modeled_class = client.exceptions.from_code(code)
    # What botocore's standard retry makes of it: retryable at all, and as throttling.
    context = standard.RetryContext(attempt_number=1, operation_model=operation_model, parsed_response=e.response, http_response=_Status(status), caught_exception=None)
    out = {
        'code': code,
        'message': error.get('Message', str(e)),
        'httpStatus': status,
        'requestId': meta.get('RequestId'),
        'retryable': {'throttling': True} if standard.ThrottledRetryableChecker().is_retryable(context) else standard.StandardRetryConditions().is_retryable(context),
        'modeled': modeled_class is not ClientError and isinstance(e, modeled_class),
        'kind': 'service',
    }
    # The client's model tells whose fault an error is where its shape says so.
    try:
        metadata = operation_model.service_model.shape_for(code).metadata
        if metadata.get('error', {}).get('senderFault'):
            out['fault'] = 'client'
        elif metadata.get('fault'):
            out['fault'] = 'server'
    except botocore.exceptions.NoShapeFoundError:
        pass
    return out


def answer(r):
    rid, op = r['id'], r['op']
    client = client_for(r)
    model = client.meta.service_model
    if op not in model.operation_names:
        return {'id': rid, 'error': {'code': 'UnknownOperation', 'message': 'its model has no operation ' + op, 'kind': 'unsupported'}}
    operation_model = model.operation_model(op)
    unknown = unknown_member(operation_model.input_shape, r['input'], op)
    if unknown:
        return {'id': rid, 'error': {'code': 'UnknownParameter', 'message': 'its model has no member ' + unknown, 'kind': 'unsupported'}}
    try:
        output = getattr(client, botocore.xform_name(op))(**r['input'])
        output.pop('ResponseMetadata', None)
        return {'id': rid, 'output': plain(output)}
    except ClientError as e:
        return {'id': rid, 'error': service_error(e, client, operation_model)}
    except ParamValidationError as e:
        return {'id': rid, 'error': {'code': 'ParamValidationError', 'message': str(e), 'kind': 'client'}}
    except (BotoConnectionError, BotoCoreError) as e:
        return {'id': rid, 'error': {'code': type(e).__name__, 'message': str(e), 'kind': 'transport'}}


say({'ready': True, 'client': 'boto3 %s (botocore %s)' % (boto3.__version__, botocore.__version__)})
for line in sys.stdin:
    if line.strip():
        say(answer(json.loads(line)))
