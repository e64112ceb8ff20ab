"""`python -m wirewatch.devstack run|demo`: the local stack of `make run` and `make demo`."""

import sys

from wirewatch.devstack.supervisor import demo, run

commands = {"run": run, "demo": demo}
if len(sys.argv) != 2 or sys.argv[1] not in commands:
    sys.exit(f"usage: python -m wirewatch.devstack {'|'.join(commands)}")
sys.exit(commands[sys.argv[1]]())
