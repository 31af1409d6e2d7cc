"""The HTTP timing (`python -m linkchart.server.bench`) reads a server's processor time
from /proc: it grows with work, and a process that is gone has none."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from linkchart.evaluate.http_timing import _processor_ms

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="no /proc")


def test_processor_time_grows_with_work():
    before = _processor_ms(os.getpid())
    sum(i * i for i in range(3_000_000))
    assert _processor_ms(os.getpid()) - before >= 10


def test_a_process_that_is_gone_has_none():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert _processor_ms(child.pid) is None
