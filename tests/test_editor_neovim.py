"""The language server in a real editor: Neovim, headless, opens a course file through its own
LSP client, and the diagnostics it holds are the findings of ``mcvalidate check --format
json`` at the same places (Neovim counts lines and columns from 0)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow_client

ROOT = Path(__file__).resolve().parents[1]
TRAPS = ROOT / "examples" / "mistakes" / "key-typos-and-yaml-traps.yaml"

# Neovim 0.7's API (vim.lsp.start_client), which later versions keep.
SCRIPT = """\
local out = assert(io.open(os.getenv("NV_OUT"), "w"))
vim.api.nvim_create_autocmd("FileType", {
  pattern = "yaml",
  callback = function(args)
    local id = vim.lsp.start_client({
      name = "mcvalidate", cmd = { os.getenv("NV_PYTHON"), "-m", "mcvalidate", "lsp" },
      root_dir = vim.fn.getcwd(), init_options = { isolated = true },
    })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})
vim.cmd("edit " .. os.getenv("NV_FILE"))
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or d.user_data.lsp.code
  out:write(string.format("%d %d %d %d %s\\n", d.lnum, d.col, d.end_lnum, d.end_col, code))
end
out:close()
vim.cmd("qa!")
"""


def test_neovim_shows_the_findings_of_check_where_check_puts_them(tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("Neovim is not installed (.ci/run installs it where it can)")
    course = tmp_path / "course.yaml"
    course.write_bytes(TRAPS.read_bytes())
    script = tmp_path / "test.lua"
    script.write_text(SCRIPT)
    out = tmp_path / "out.txt"
    env = {**os.environ, "NV_OUT": str(out), "NV_PYTHON": sys.executable, "NV_FILE": str(course)}
    subprocess.run(
        [nvim, "--headless", "-u", "NONE", "-c", "filetype on", "-c", f"luafile {script}"],
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=True,
        capture_output=True,
    )
    shown = sorted(line.split() for line in out.read_text().splitlines())
    report = subprocess.run(
        [sys.executable, "-m", "mcvalidate", "check", "--isolated", "--format", "json", course],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert report.returncode in (0, 1), report.stderr
    expected = sorted(
        [
            str(f["line"] - 1),
            str(f["column"] - 1),
            str(f["end_line"] - 1),
            str(f["end_column"] - 1),
            f["rule"],
        ]
        for f in json.loads(report.stdout)["findings"]
    )
    assert shown == expected
    status = str(TRAPS.read_text(encoding="utf-8").splitlines().index("status: publish"))
    assert [status, "8", status, "15", "MC012"] in shown
