#!/usr/bin/env python3
# The AWS CLI behind the adapter protocol (README.md, "Verify an SDK"): each request runs
# `aws omics <command> --cli-input-json ...` once and reads its JSON output, exit code and debug log.
# Where the CLI is a Python script, each request runs the CLI's own driver in one interpreter kept
# for the adapter (aws_cli_driver.py), a fresh driver per request, as the `aws` command would: the
# interpreter and the CLI's imports are paid once, not per call. A CLI that is not a Python script
# (the v2 installer's frozen binary) runs as a process per call.
# Usage: aws_cli_adapter.py v1|v2. v1: `python3 -m awscli`, or an `aws` on PATH that is v1; its host
# prefix goes off with AWS_DISABLE_HOST_PREFIX_INJECTION. v2: $AWS_CLI_V2, an `aws` on PATH, or
# /usr/local/bin/aws or /usr/bin/aws, whichever says aws-cli/2; older v2 releases cannot turn the
# host prefix off, so the endpoint is also their HTTP proxy (the request line then holds the
# absolute URI with the prefixed host, which our emulator reads).
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time

major = sys.argv[1] if len(sys.argv) > 1 else 'v1'
VERSION_TIMEOUT_S = 20


def say(line):
    sys.stdout.write(json.dumps(line) + '\n')
    sys.stdout.flush()


def version_of(command):
    try:
        done = subprocess.run(command + ['--version'], capture_output=True, text=True, timeout=VERSION_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'aws-cli/(\d+)\.\S+', done.stdout + done.stderr)
    return m.group(0) if m else None


def find_cli():
    candidates = []
    if major == 'v1':
        candidates.append([sys.executable, '-m', 'awscli'])
        if shutil.which('aws'):
            candidates.append([shutil.which('aws')])
    else:
        for path in [os.environ.get('AWS_CLI_V2'), shutil.which('aws'), '/usr/local/bin/aws', '/usr/bin/aws']:
            if path and os.path.exists(path) and [path] not in candidates:
                candidates.append([path])
    for command in candidates:
        version = version_of(command)
        if version and version.startswith('aws-cli/' + major[1:] + '.'):
            return command, version
    return None, None


cli, version = find_cli()
if not cli:
    install = 'python3 -m pip install "awscli<2"' if major == 'v1' else 'apt-get install awscli (Debian), or the AWS CLI v2 installer; or set AWS_CLI_V2 to its `aws`'
    say({'ready': False, 'missing': 'no AWS CLI %s found: install it with %s' % (major, install)})
    sys.exit(0)

# The output members the CLI's own model has per operation, read by its interpreter (a v2 carries
# its botocore inside awscli); none where that cannot be read (a frozen binary).
MODEL_CODE = '''
import json
try:
    from awscli.botocore.session import get_session
except ImportError:
    from botocore.session import get_session
def paths(shape, prefix='', depth=0):
    if shape is None or depth > 10:
        return []
    if shape.type_name == 'list':
        return paths(shape.member, prefix, depth + 1)
    if shape.type_name != 'structure':
        return []
    return [p for k, s in shape.members.items() for p in [prefix + k] + paths(s, prefix + k + '.', depth + 1)]
m = get_session().get_service_model('omics')
print(json.dumps({op: paths(m.operation_model(op).output_shape) for op in m.operation_names}))
'''


def interpreter_of(command):
    if command[0] == sys.executable:
        return sys.executable
    try:
        with open(command[0], 'rb') as f:
            first = f.readline().decode('utf-8', 'replace')
    except OSError:
        return None
    return first[2:].strip().split()[0] if first.startswith('#!') else None


def output_members(command):
    python = interpreter_of(command)
    if not python:
        return {}
    try:
        done = subprocess.run([python, '-c', MODEL_CODE], capture_output=True, text=True, timeout=VERSION_TIMEOUT_S)
        return json.loads(done.stdout) if done.returncode == 0 else {}
    except (OSError, subprocess.TimeoutExpired, ValueError):
        return {}


known = output_members(cli)
KEBAB = re.compile(r'(?<!^)(?=[A-Z])')
ERROR_LINE = re.compile(r'An error occurred \(([^)]+)\)(?: \(reached max retries: \d+\))? when calling the \w+ operation(?: \(reached max retries: \d+\))?: (.*)')
STATUS_LINE = re.compile(r'"[A-Z]+ \S+ HTTP/1\.1" (\d{3}) ')
REQUEST_ID = re.compile(r"'x-amzn-requestid': '([^']+)'", re.I)


def own_env():
    return {k: v for k, v in os.environ.items() if not k.startswith('AWS_') and k.upper() not in ('HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY')}


def env_for(r):
    c = r['credentials']
    env = own_env()
    env.update({
        'AWS_ACCESS_KEY_ID': c['accessKeyId'],
        'AWS_SECRET_ACCESS_KEY': c['secretAccessKey'],
        'AWS_CONFIG_FILE': os.devnull,
        'AWS_SHARED_CREDENTIALS_FILE': os.devnull,
        'AWS_EC2_METADATA_DISABLED': 'true',
        'AWS_MAX_ATTEMPTS': str(r['retry']['maxAttempts']),
        'AWS_RETRY_MODE': 'standard',
        'AWS_PAGER': '',
        'AWS_DISABLE_HOST_PREFIX_INJECTION': 'true',
    })
    if c.get('sessionToken'):
        env['AWS_SESSION_TOKEN'] = c['sessionToken']
    if major == 'v2' and r['endpoint'].startswith('http://'):
        env['HTTP_PROXY'] = env['http_proxy'] = r['endpoint']
    return env


def error_of(rc, stderr, command):
    lines = [l for l in stderr.splitlines() if l.strip()]
    if any('Invalid choice' in l for l in lines):
        return {'code': 'UnknownOperation', 'message': 'it has no command aws omics ' + command, 'kind': 'unsupported'}
    if any('Parameter validation failed' in l for l in lines):
        unknown = next((l.strip() for l in lines if 'Unknown parameter' in l), None)
        if unknown:
            return {'code': 'UnknownParameter', 'message': 'its model has ' + unknown[0].lower() + unknown[1:], 'kind': 'unsupported'}
        problems = list(dict.fromkeys(l.strip() for l in lines if l.startswith('Invalid ') or l.startswith('Missing ')))
        return {'code': 'ParamValidation', 'message': '; '.join(problems) or 'Parameter validation failed', 'kind': 'client'}
    found = [ERROR_LINE.search(l) for l in lines]
    found = [m for m in found if m]
    if found:
        code, message = found[-1].group(1), found[-1].group(2)
        statuses = [m.group(1) for m in (STATUS_LINE.search(l) for l in lines) if m]
        ids = [m.group(1) for m in (REQUEST_ID.search(l) for l in lines) if m]
        out = {'code': code, 'message': message, 'kind': 'service'}
        if statuses:
            out['httpStatus'] = int(statuses[-1])
        if ids:
            out['requestId'] = ids[-1]
        # The debug log names the exception raised: botocore's class generated for a modelled error, or ClientError.
        if any(('botocore.errorfactory.%s:' % code) in l for l in lines):
            out['modeled'] = True
        elif any('botocore.exceptions.ClientError:' in l for l in lines):
            out['modeled'] = False
        return out
    last = lines[-1].strip() if lines else 'exit code %d' % rc
    return {'code': 'CliError', 'message': last, 'kind': 'transport'}


# Commands this CLI answered it does not have: asked again, the same answer without a process.
unsupported = {}

# The interpreter kept for the CLI's driver, the CLI's own (aws_cli_driver.py): None until a call
# starts it, and again after a call that ran out of time (it is killed); False where the CLI is
# not a Python script, or once the kept interpreter failed (could not import the CLI, or died): a
# process per call from then on, that call included.
DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'aws_cli_driver.py')
python = interpreter_of(cli)
driver = None if python and re.match(r'python[\d.]*$', os.path.basename(python)) else False


class DriverFailed(Exception):
    """`sent`: the request reached the driver, which may have sent it on: it is not sent again."""
    def __init__(self, message, sent=False):
        super().__init__(message)
        self.sent = sent


def driver_line(deadline, request=None):
    """Send a request line (if any), then read the driver's one answer line by the deadline."""
    if request is not None:
        try:
            driver.stdin.write((json.dumps(request) + '\n').encode('utf-8'))
            driver.stdin.flush()
        except OSError as e:
            raise DriverFailed(str(e))
    try:
        fd, chunks = driver.stdout.fileno(), []
        while not chunks or not chunks[-1].endswith(b'\n'):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise subprocess.TimeoutExpired('aws_cli_driver.py', 0)
            chunks.append(os.read(fd, 1 << 16))
            if not chunks[-1]:
                raise DriverFailed('it exited (%s)' % driver.poll(), sent=request is not None)
        return json.loads(b''.join(chunks))
    except (OSError, ValueError) as e:
        raise DriverFailed(str(e), sent=request is not None)


def stop_driver():
    global driver
    if driver:
        driver.kill()
        driver.wait()
    driver = None


def run_cli(command, env, timeout_s):
    """The CLI's exit code, stdout and stderr for `command`: through the kept driver where there is one."""
    global driver
    deadline = time.monotonic() + timeout_s
    if driver is not False:
        try:
            if driver is None:
                driver = subprocess.Popen([python, DRIVER, '-m' if cli[0] == sys.executable else cli[0]], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=own_env())
                hello = driver_line(deadline)
                if not hello.get('ready'):
                    raise DriverFailed(hello.get('error', 'not ready'))
            done = driver_line(deadline, {'args': command[len(cli):], 'env': env})
            return subprocess.CompletedProcess(command, done['rc'], done['stdout'], done['stderr'])
        except subprocess.TimeoutExpired:
            stop_driver()
            raise
        except (DriverFailed, OSError) as e:
            sys.stderr.write('aws_cli_adapter: the CLI\'s driver kept in one interpreter failed (%s): a process per call from now on\n' % e)
            stop_driver()
            driver = False
            # A request the driver may have sent is answered as a CLI that died during the call would be.
            if getattr(e, 'sent', False):
                return subprocess.CompletedProcess(command, 1, '', 'the CLI ended during the call: %s' % e)
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout_s)


def answer(r):
    rid, op = r['id'], r['op']
    seconds = str(max(1, int(r['timeoutMs'] / 1000)))
    name = KEBAB.sub('-', op).lower()
    if name in unsupported:
        return {'id': rid, 'error': unsupported[name]}
    command = cli + ['omics', name, '--cli-input-json', json.dumps(r['input']), '--endpoint-url', r['endpoint'],
                     '--region', r['region'], '--output', 'json', '--no-paginate', '--debug', '--cli-read-timeout', seconds, '--cli-connect-timeout', seconds]
    try:
        done = run_cli(command, env_for(r), r['timeoutMs'] / 1000 + 3)
    except subprocess.TimeoutExpired:
        return {'id': rid, 'error': {'code': 'Timeout', 'message': 'the CLI did not end within %d ms' % r['timeoutMs'], 'kind': 'transport'}}
    if done.returncode == 0:
        text = done.stdout.strip()
        answer = {'id': rid, 'output': json.loads(text) if text else {}}
        if op in known:
            answer['known'] = known[op]
        return answer
    error = error_of(done.returncode, done.stderr, name)
    if error['code'] == 'UnknownOperation':
        unsupported[name] = error
    return {'id': rid, 'error': error}


say({'ready': True, 'client': 'AWS CLI ' + version.split('/', 1)[1] + ('' if cli[0] != sys.executable else ' (python3 -m awscli)')})
for line in sys.stdin:
    if line.strip():
        say(answer(json.loads(line)))
if driver:
    try:
        driver.stdin.close()
        driver.wait(timeout=2)
    except (OSError, subprocess.TimeoutExpired):
        stop_driver()
