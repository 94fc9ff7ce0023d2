#!/usr/bin/env python3
"""Executes Jupyter notebooks headless with nbclient, one kernel each, for the kit's grader.

usage: nbrun.py [--start-timeout S] [--cell-timeout S] [--stop-on-error] --out DIR NOTEBOOK...

For each NOTEBOOK it writes DIR/NAME (the executed notebook, with its outputs so far) and DIR/NAME.run.json:
{"status": "ok" | "error" | "timeout" | "dead" | "no-start" | "unreadable", "cell": index or null,
 "message": "...", "seconds": s, "starts": n}. A kernel start that does not answer within the start limit is
retried (twice at most: one start in five has been seen to hang); every cell has a time limit. The kernel runs in the
notebook's own folder, as Jupyter runs it.
"""
import argparse
import asyncio
import json
import os
import socket
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--start-timeout", type=int, default=60)
    parser.add_argument("--cell-timeout", type=int, default=120)
    parser.add_argument("--stop-on-error", action="store_true")
    parser.add_argument("--out", required=True)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    try:
        import nbformat
        from nbclient import NotebookClient
        from nbclient import exceptions
    except ImportError as e:
        print("nbrun: Jupyter's nbclient is not installed (%s)" % e, file=sys.stderr)
        return 3
    os.makedirs(args.out, exist_ok=True)
    for path in args.notebooks:
        name = os.path.basename(path)
        started = time.time()
        try:
            result = run(path, args, nbformat, NotebookClient, exceptions)
        except Exception as e:  # whatever goes wrong costs this notebook only
            result = {"status": "dead", "cell": None, "message": "%s: %s" % (type(e).__name__, e), "starts": 0}
        result["seconds"] = round(time.time() - started, 2)
        with open(os.path.join(args.out, name + ".run.json"), "w", encoding="utf-8") as f:
            json.dump(result, f)
        print("nbrun: %s %s (%.1f s)" % (name, result["status"], result["seconds"]), file=sys.stderr)
    return 0


def run(path, args, nbformat, NotebookClient, exceptions):
    name = os.path.basename(path)
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as e:  # malformed JSON, not a notebook: this notebook only
        return {"status": "unreadable", "cell": None, "message": "%s: %s" % (type(e).__name__, e), "starts": 0}
    result = None
    for start in range(1, STARTS + 1):
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
        result = execute(nb, path, args, NotebookClient, exceptions)
        result["starts"] = start
        if result["status"] != "no-start":
            break
    nbformat.write(nb, os.path.join(args.out, name))
    return result


# rapaio-jupyter-kernel 3.0.1 reads its shell socket as soon as it is bound, before its message handlers exist: a
# request already queued then kills its shell thread (a NullPointerException in Channels.getHandler) and the kernel
# never answers — the start that "hangs one time in five", more often on a busy machine. So the first request waits
# until the kernel has bound its last socket (control) and a moment more; a start that still hangs is retried.
START_SETTLE = 1.5
STARTS = 3


def port_open(ip, port):
    try:
        with socket.create_connection((ip, port), timeout=0.5):
            return True
    except OSError:
        return False


def patient_kernel_manager(limit):
    from jupyter_client.manager import AsyncKernelManager

    class PatientKernelManager(AsyncKernelManager):
        async def start_kernel(self, **kwargs):
            await super().start_kernel(**kwargs)
            deadline = time.time() + limit
            while time.time() < deadline and not port_open(self.ip, self.control_port):
                await asyncio.sleep(0.2)
            await asyncio.sleep(START_SETTLE)

    return PatientKernelManager


def cell_timeout(default):
    """A cell may ask for a longer limit ("gpthw": {"timeout": seconds}), e.g. a training run."""
    def limit(cell):
        own = cell.get("metadata", {}).get("gpthw", {}).get("timeout")
        return int(own) if isinstance(own, (int, float)) and own > 0 else default
    return limit


def execute(nb, path, args, NotebookClient, exceptions):
    client = NotebookClient(nb, timeout=args.cell_timeout, startup_timeout=args.start_timeout,
                            allow_errors=not args.stop_on_error, interrupt_on_timeout=False,
                            shutdown_kernel="immediate", timeout_func=cell_timeout(args.cell_timeout),
                            kernel_manager_class=patient_kernel_manager(args.start_timeout),
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    index = None
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
        return {"status": "ok", "cell": None, "message": ""}
    except exceptions.CellTimeoutError:
        return {"status": "timeout", "cell": index,
                "message": "did not finish within %g s" % cell_timeout(args.cell_timeout)(nb.cells[index])}
    except exceptions.DeadKernelError as e:
        return {"status": "dead", "cell": index, "message": "the kernel died: %s" % e}
    except exceptions.CellExecutionError as e:
        return {"status": "error", "cell": index, "message": str(e).strip().splitlines()[-1] if str(e).strip() else ""}
    except Exception as e:
        if index is None:
            return {"status": "no-start", "cell": None,
                    "message": "the kernel did not start within %g s (%s: %s)" % (args.start_timeout,
                                                                                 type(e).__name__, e)}
        return {"status": "dead", "cell": index, "message": "%s: %s" % (type(e).__name__, e)}


if __name__ == "__main__":
    sys.exit(main())
