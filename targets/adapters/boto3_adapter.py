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


def member_paths(shape, prefix='', depth=0):
    """The members the client's model has in shape, as paths joined by dots (lists see-through)."""
    if shape is None or depth > 10:
        return []
    if shape.type_name == 'list':
        return member_paths(shape.member, prefix, depth + 1)
    if shape.type_name != 'structure':
        return []
    return [p for k, m in shape.members.items() for p in [prefix + k] + member_paths(m, prefix + k + '.', depth + 1)]


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


def service_error(e, client, operation_model):
    error = e.response.get('Error', {})
    meta = e.response.get('ResponseMetadata', {})
    code = error.get('Code', 'Unknown')
    status = meta.get('HTTPStatusCode')
    modeled_class = client.exceptions.from_code(code)
    out = {
        'code': code,
        'message': error.get('Message', str(e)),
        'httpStatus': status,
        'requestId': meta.get('RequestId'),
        'modeled': modeled_class is not ClientError and isinstance(e, modeled_class),
        'kind': 'service',
    }
    # The client's model of the error tells whether it is retryable (and throttling), and whose fault it is.
    try:
        metadata = operation_model.service_model.shape_for(code).metadata
    except botocore.exceptions.NoShapeFoundError:
        return out
    retryable = metadata.get('retryable')
    out['retryable'] = {'throttling': bool(retryable.get('throttling'))} if isinstance(retryable, dict) else bool(retryable)
    # botocore's error metadata: senderFault true for the caller's errors, absent for the service's.
    out['fault'] = 'client' if metadata.get('error', {}).get('senderFault') else 'server'
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
        return {'id': rid, 'output': plain(output), 'known': member_paths(operation_model.output_shape)}
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
