# The sequence-store round trip through the AWS CLI v1, its own command driver, in one process.
# Usage: python3 aws_cli_roundtrip.py ENDPOINT_URL REGION ACCOUNT
# Environment: AWS_DISABLE_HOST_PREFIX_INJECTION=true and dummy credentials, set by the caller.
import contextlib
import io
import json
import sys

from awscli.clidriver import create_clidriver

endpoint, region, account = sys.argv[1], sys.argv[2], sys.argv[3]


def aws(*args):
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        rc = create_clidriver().main(['omics', *args, '--endpoint-url', endpoint, '--region', region, '--output', 'json', '--cli-read-timeout', '5', '--cli-connect-timeout', '2'])
    text = stdout.getvalue()
    return rc, (json.loads(text) if text.strip() else None), stderr.getvalue()


out = {}
rc, created, err = aws(
    'create-sequence-store', '--name', 'cli store', '--description', 'every member',
    '--sse-config', json.dumps({'type': 'KMS', 'keyArn': 'arn:aws:kms:%s:%s:key/1234abcd-12ab-34cd-56ef-1234567890ab' % (region, account)}),
    '--tags', json.dumps({'team': 'genomics'}), '--client-token', 'cli-token-1',
    '--fallback-location', 's3://my-bucket/fallback/', '--e-tag-algorithm-family', 'SHA256up',
    '--propagated-set-level-tags', 'team', '--s3-access-config', json.dumps({'accessLogLocation': 's3://my-logs/omics/'}),
)
if rc != 0:
    sys.exit('create-sequence-store failed: ' + err)
out['create'] = {k: created.get(k) for k in ('id', 'arn', 'name', 'eTagAlgorithmFamily', 'status', 'creationTime')}
store_id, arn = created['id'], created['arn']
out['get'] = aws('get-sequence-store', '--id', store_id)[1]['name']
for i in range(3):
    aws('create-sequence-store', '--name', 'cli paged')
names, pages, token = [], 0, None
while True:
    args = ['list-sequence-stores', '--max-results', '2', '--filter', json.dumps({'name': 'cli paged'}), '--no-paginate']
    if token:
        args += ['--next-token', token]
    rc, page, err = aws(*args)
    if rc != 0:
        sys.exit('list-sequence-stores failed: ' + err)
    pages += 1
    names += [s['name'] for s in page['sequenceStores']]
    token = page.get('nextToken')
    if not token:
        break
out['list'] = {'names': names, 'pages': pages}
out['update'] = aws('update-sequence-store', '--id', store_id, '--name', 'cli renamed')[1]['name']
out['tag'] = aws('tag-resource', '--resource-arn', arn, '--tags', json.dumps({'env': 'test'}))[0]
out['untag'] = aws('untag-resource', '--resource-arn', arn, '--tag-keys', 'team')[0]
out['tags'] = aws('list-tags-for-resource', '--resource-arn', arn)[1]['tags']
out['delete'] = aws('delete-sequence-store', '--id', store_id)[0]
rc, _, err = aws('create-sequence-store', '--name', 'x' * 128)
out['validation'] = {'rc': rc, 'stderr': err.strip()}
rc, _, err = aws('get-sequence-store', '--id', store_id)
out['missing'] = {'rc': rc, 'stderr': err.strip()}
print(json.dumps(out))
