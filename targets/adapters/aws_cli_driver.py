# The AWS CLI's own driver in one interpreter kept for aws_cli_adapter.py, so that a call does not
# pay for a new interpreter and the CLI's imports. Run by the CLI's own interpreter, it imports
# awscli.clidriver once, then runs each request as the `aws` command would: with the request's
# environment and arguments it calls awscli.clidriver.main() -- what the `aws` script and
# `python -m awscli` call, a fresh driver each time -- and answers its exit code, stdout and stderr.
# (A CLI that is not a Python script, such as the v2 installer's binary, the adapter runs as a
# process per call.)
# Usage: <the CLI's python> aws_cli_driver.py <the CLI's script, or -m for `python -m awscli`>
# Lines: first {"ready": true} (or false, with the error); then per request line
# {"args": [...], "env": {...}} one answer line {"rc": n, "stdout": "...", "stderr": "..."}.
import contextlib
import gc
import io
import json
import logging
import os
import sys
import tempfile
import traceback
import warnings

# The requests and answers keep their own copies of fds 0 and 1. The CLI gets /dev/null as its
# stdin, and what is written to fds 1 and 2 beneath Python's sys.stdout and sys.stderr (the v2's
# CRT log goes to fd 2) lands in files read into the call's output, as a process's would.
requests = os.fdopen(os.dup(0), 'r', encoding='utf-8')
answers = os.fdopen(os.dup(1), 'w', encoding='utf-8')
os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
os.dup2(2, 1)
low = {1: tempfile.TemporaryFile(), 2: tempfile.TemporaryFile()}


def say(line):
    answers.write(json.dumps(line) + '\n')
    answers.flush()


# Import as the command would: from the script's directory, or for -m the current one.
script = sys.argv[1] if len(sys.argv) > 1 else '-m'
sys.path[0] = os.getcwd() if script == '-m' else os.path.dirname(os.path.realpath(script))
# Importing awscli sets AWS_DATA_PATH (from the environment it starts with: the adapter's, without
# AWS_* and proxy variables, as each call's): those settings are made again in each call's environment.
before = dict(os.environ)
try:
    from awscli import clidriver
except Exception as e:
    say({'ready': False, 'error': '%s: %s' % (type(e).__name__, e)})
    sys.exit(0)
import_env = {k: v for k, v in os.environ.items() if before.get(k) != v}
# What the imports made lives as long as the interpreter: the collection after each call skips it.
gc.collect()
gc.freeze()
# sys.argv[0] as the command has it (-m makes it the module's file).
argv0 = os.path.join(os.path.dirname(clidriver.__file__), '__main__.py') if script == '-m' else script


def all_loggers():
    return [logging.root] + [l for l in logging.root.manager.loggerDict.values() if isinstance(l, logging.Logger)]


def exit_status(code, stderr):
    """A process's exit status for sys.exit(code)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=stderr)
    return 1


def run(args, env):
    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_argv = dict(os.environ), sys.argv
    # --debug adds stream handlers to 'botocore', 'awscli', ... (the v1 one more each call) and sets
    # their levels: the loggers are put back as they were.
    saved_loggers = {l: (l.level, list(l.handlers)) for l in all_loggers()}
    saved_fds = {fd: os.dup(fd) for fd in low}
    for fd, f in low.items():
        os.dup2(f.fileno(), fd)
    os.environ.clear()
    os.environ.update(env, **import_env)
    sys.argv = [argv0] + args
    try:
        # A warning shows once per process: each call starts with none shown, as a process would.
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), warnings.catch_warnings():
            warnings.onceregistry.clear()
            try:
                rc = exit_status(clidriver.main(), err)
            except SystemExit as e:
                rc = exit_status(e.code, err)
            except Exception:
                traceback.print_exc()
                rc = 1
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        sys.argv = saved_argv
        for l in all_loggers():
            level, handlers = saved_loggers.get(l, (l.level, []))
            # A NullHandler is a library's own, added where it is first imported: it stays, as in a process.
            for h in [h for h in l.handlers if h not in handlers and not isinstance(h, logging.NullHandler)]:
                l.removeHandler(h)
                h.close()
            l.setLevel(level)
        sys.__stdout__.flush()
        sys.__stderr__.flush()
        for fd, saved in saved_fds.items():
            os.dup2(saved, fd)
            os.close(saved)
        # The call's client, and with it its connections, goes now, as at a process's exit.
        gc.collect()
    beneath = {}
    for fd, f in low.items():
        f.seek(0)
        beneath[fd] = f.read().decode('utf-8', 'replace')
        f.seek(0)
        f.truncate()
    return {'rc': rc, 'stdout': out.getvalue() + beneath[1], 'stderr': err.getvalue() + beneath[2]}


say({'ready': True})
for line in requests:
    if line.strip():
        r = json.loads(line)
        say(run(r['args'], r['env']))
