"""readme.py - every shell block of README.md runs as written
(tests/cli/readme_blocks.sh).

  readme.py README.md SCRATCH

A block is a run of lines indented four blanks.  A block of "$ " lines is
a session: each command (with its continuation lines) runs in turn, in a
fresh copy of the demo register that the sessions share, with VL_AS_OF as
the README sets it, and what it prints (stdout, then stderr) must be the
lines under it, exactly; a session's "$ cd DIR" takes it and the sessions
after it into a copy of the tree's DIR, as a reader's shell.  The other blocks are scripts, run one after
the other in one sh from the top of the repository, as a reader pastes
them into a terminal: each command must exit 0 or 1 (a check that found
something), and /tmp/ is taken to SCRATCH/tmp/ so that two runs of the
suite never meet.  The block of `make demo` and `make check`
is the one not run here: make check runs this very test (make demo has a
test of its own, report_demo).
"""
import os
import re
import shutil
import subprocess
import sys


def blocks(text):
    block, out = [], []
    for line in text.split("\n"):
        if line.startswith("    ") or (block and line == ""):
            block.append(line[4:])
        elif block:
            out.append(block)
            block = []
    if block:
        out.append(block)
    for b in out:
        while b and b[-1] == "":
            b.pop()
    return [b for b in out if b]


def session(block):
    """[[command, expected lines]]"""
    steps, cont = [], False
    for line in block:
        if cont:
            steps[-1][0] += "\n" + line
        elif line.startswith("$ "):
            steps.append([line[2:], []])
        else:
            steps[-1][1].append(line)
        cont = line.endswith("\\")
    return steps


def commands(block):
    """the block's commands, one a line, each stopping the script unless
    it exits 0 or 1"""
    out, cur = [], ""
    for line in block:
        cur += line[:-1] + " " if line.endswith("\\") else line
        if line.endswith("\\"):
            continue
        cur = re.sub(r"\s+#\s.*$", "", cur).strip()
        if cur:
            out.append(cur + " || { s=$?; [ $s -eq 1 ] || exit $s; }")
        cur = ""
    return out


def run(cmd, cwd, env):
    p = subprocess.run(["sh", "-c", cmd], cwd=cwd, env=env,
                       capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def main(readme, scratch):
    top = os.path.dirname(os.path.abspath(readme))
    text = open(readme, encoding="utf-8").read()
    env = dict(os.environ)
    reg = os.path.join(scratch, "clerk")
    shutil.copytree(os.path.join(top, "share", "demo"), reg)
    # a session's "cd share/rollup": into a copy, never the tree itself
    tree = os.path.join(scratch, "tree")
    shutil.copytree(os.path.join(top, "share"), os.path.join(tree, "share"))
    env["VL_AS_OF"] = "2023-06-15"
    bad = 0
    nscript = nsession = 0
    cwd = reg   # as a reader's shell: a "cd" holds for the blocks after it
    script = []
    for n, block in enumerate(blocks(text), 1):
        if any(l.startswith("make ") for l in block):
            continue
        if block[0].startswith("$ "):
            nsession += 1
            for cmd, want in session(block):
                if cmd.startswith("cd "):   # a directory of the tree, copied
                    cwd = os.path.join(tree, cmd[3:].strip())
                    continue
                status, got = run(cmd, cwd, env)
                if got.rstrip("\n").split("\n") != (want or [""]) \
                        and not (not want and got == ""):
                    print(f"block {n}: $ {cmd}\n--- README\n" + "\n".join(want)
                          + "\n--- got\n" + got)
                    bad += 1
                elif status > 2:
                    print(f"block {n}: $ {cmd}: exit {status}")
                    bad += 1
        else:
            nscript += 1
            script.extend(commands(block))
    text = "\n".join(script).replace("/tmp/", scratch + "/tmp/")
    plain = {k: v for k, v in env.items() if k != "VL_AS_OF"}
    status, got = run("cd " + top + "\n" + text, top, plain)
    if status != 0:
        print(f"the scripts exit {status}:\n{got}")
        bad += 1
    print(f"{nscript} scripts, {nsession} sessions")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
