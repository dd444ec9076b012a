# The sequence-store round trip through boto3 against an emulator endpoint.
# Usage: python3 boto3_roundtrip.py ENDPOINT_URL REGION ACCOUNT
# Prints one JSON object of what each step observed; exits non-zero with a message on a failure.
import json
import sys

import boto3
from botocore.config import Config

endpoint, region, account = sys.argv[1], sys.argv[2], sys.argv[3]
client = boto3.client(
    'omics',
    endpoint_url=endpoint,
    region_name=region,
    aws_access_key_id='AKIDEXAMPLE',
    aws_secret_access_key='secret',
    config=Config(inject_host_prefix=False, retries={'max_attempts': 1, 'mode': 'standard'}, connect_timeout=2, read_timeout=5),
)
out = {}

created = client.create_sequence_store(
    name='boto3 store',
    description='every member',
    sseConfig={'type': 'KMS', 'keyArn': 'arn:aws:kms:%s:%s:key/1234abcd-12ab-34cd-56ef-1234567890ab' % (region, account)},
    tags={'team': 'genomics'},
    clientToken='boto3-token-1',
    fallbackLocation='s3://my-bucket/fallback/',
    eTagAlgorithmFamily='SHA512up',
    propagatedSetLevelTags=['team'],
    s3AccessConfig={'accessLogLocation': 's3://my-logs/omics/'},
)
out['create'] = {k: created.get(k) for k in ('id', 'arn', 'name', 'eTagAlgorithmFamily', 'status', 'fallbackLocation')}
out['create']['creationTimeType'] = type(created['creationTime']).__name__
out['create']['s3Uri'] = created['s3Access']['s3Uri']
store_id, arn = created['id'], created['arn']

got = client.get_sequence_store(id=store_id)
out['get'] = {'name': got['name'], 'description': got.get('description'), 'sseType': got['sseConfig']['type']}

for i in range(3):
    client.create_sequence_store(name='boto3 paged')
names = []
pages = 0
kwargs = {'maxResults': 2, 'filter': {'name': 'boto3 paged'}}
while True:
    page = client.list_sequence_stores(**kwargs)
    pages += 1
    names += [s['name'] for s in page['sequenceStores']]
    if 'nextToken' not in page:
        break
    kwargs['nextToken'] = page['nextToken']
out['list'] = {'names': names, 'pages': pages}

updated = client.update_sequence_store(id=store_id, name='boto3 renamed')
out['update'] = {'name': updated['name'], 'hasUpdateTime': 'updateTime' in updated}

client.tag_resource(resourceArn=arn, tags={'env': 'test'})
client.untag_resource(resourceArn=arn, tagKeys=['team'])
out['tags'] = client.list_tags_for_resource(resourceArn=arn)['tags']

client.delete_sequence_store(id=store_id)


def error_of(call):
    try:
        call()
    except client.exceptions.ClientError as e:
        return {'code': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode'], 'message': e.response['Error']['Message'], 'class': type(e).__name__}
    return None


out['validation'] = error_of(lambda: client.create_sequence_store(name='x' * 128))
out['missing'] = error_of(lambda: client.get_sequence_store(id=store_id))
print(json.dumps(out))
