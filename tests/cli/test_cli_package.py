"""netui.cli is a package loaded lazily: the parser imports no command's code, and a command
imports only its own area module (and the domain it uses) when it runs."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import netui
from netui import cli
from netui.cli import parser

CLI_DIR = Path(netui.__file__).parent / "cli"
AREA_MODULES = sorted({f"netui.cli.{module}" for module, _function in cli.COMMANDS.values()})
# What `netui --help` must not load: the area modules, the import machinery and its readers,
# the domain that commands use, and the TUI.
NOT_FOR_HELP = AREA_MODULES + [
    "netui.cli.output", "netui.exchange.importing", "netui.exchange.exporting", "vobject", "icalendar",
    "netui.contacts", "netui.agenda", "netui.brief", "netui.present", "textual", "netui.app",
]


def loaded_after(tmp_path, *argv: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Run `netui ARGV` in a fresh interpreter; return the run and the modules it had loaded."""
    program = (
        "import json, sys\n"
        "from netui.cli import main\n"
        "try:\n"
        f"    code = main({list(argv)!r})\n"
        "except SystemExit as exit_:\n"
        "    code = exit_.code\n"
        "sys.stderr.write('\\nMODULES ' + json.dumps(sorted(sys.modules)))\n"
        "raise SystemExit(code)\n"
    )
    env = {**os.environ, "NETUI_DB": str(tmp_path / "x.db"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    result = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=120)
    errors, _marker, modules = result.stderr.rpartition("\nMODULES ")
    return result, set(json.loads(modules))


def test_help_loads_no_command_and_no_heavy_module(tmp_path):
    result, modules = loaded_after(tmp_path, "--help")
    assert result.returncode == 0 and result.stdout.startswith("usage: netui")
    assert sorted(modules & set(NOT_FOR_HELP)) == []


def test_a_command_loads_its_own_area_only(tmp_path):
    result, modules = loaded_after(tmp_path, "locate")
    assert result.returncode == 0, result.stderr
    assert "netui.cli.admin" in modules
    assert sorted(modules & set(AREA_MODULES)) == ["netui.cli.admin"]
    assert "vobject" not in modules and "textual" not in modules


def test_every_command_of_the_parser_has_its_function():
    """Each subcommand the parser knows runs a function of an area module, and no other is listed."""
    commands = next(action for action in parser.build_parser()._actions if action.dest == "command")
    assert set(commands.choices) == set(cli.COMMANDS)
    for name in cli.COMMANDS:
        assert callable(cli.command(name)), name


def test_the_parser_module_imports_no_area_module():
    source = (CLI_DIR / "parser.py").read_text(encoding="utf-8")
    imported = {node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)}
    assert not any(name and name.startswith("netui.cli") for name in imported)


@pytest.mark.parametrize("runner", [["-m", "netui"], ["-m", "netui.cli"]])
def test_python_dash_m_runs_the_command(runner, tmp_path):
    result = subprocess.run([sys.executable, *runner, "--version"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)})
    assert (result.returncode, result.stdout.strip()) == (0, f"netui {netui.__version__}")


def test_no_module_over_800_lines_nor_function_over_80():
    too_long = []
    for path in sorted(CLI_DIR.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > 800:
            too_long.append(path.name)
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 85:
                too_long.append(f"{path.name}:{node.name}")
    assert too_long == []


def test_opening_the_app_reads_the_command_line_without_building_every_commands_parser(monkeypatch):
    """`netui --db FILE` (the TUI) needs only the top-level options, read without a parser (nor
    argparse); the commands' parsers (~18 ms at a cold start) are built only when a command,
    --help or a bad option is given."""
    built = []
    real = parser.build_parser
    monkeypatch.setattr(parser, "build_parser", lambda with_commands=True: built.append(with_commands) or real(with_commands))
    args = parser.parse_arguments(["--db", "people.db", "--lang", "it"])
    assert (args.command, args.db, args.lang, args.demo) == (None, "people.db", "it", False)
    assert built == []
    assert parser.parse_arguments(["--demo"]).demo is True
    assert vars(parser.parse_arguments(["--db=a.db", "--user", "Ada", "--demo"])) == {
        "db": "a.db", "demo": True, "user": "Ada", "lang": None, "command": None}
    assert built == []
    # What the plain forms do not cover goes to argparse, which reads it as it always did.
    assert parser.parse_arguments(["--dem"]).demo is True and built == [False]
    built.clear()
    args = parser.parse_arguments(["--db", "people.db", "search", "giulia"])
    assert (args.command, args.db, args.query) == ("search", "people.db", "giulia")
    assert built == [True]  # a command: the whole parser at once (its options are not the top level's)


@pytest.mark.parametrize("argv", [["--db"], ["--db", "--demo"], ["--lang", "fr"], ["--demo=yes"], ["--colour"]])
def test_the_tuis_options_read_without_argparse_fail_as_argparse_fails(argv):
    with pytest.raises(parser.UsageError) as fast:
        parser.parse_arguments(argv)
    with pytest.raises(parser.UsageError) as whole:
        parser.build_parser().parse_args(argv)
    assert str(fast.value) == str(whole.value)


def test_a_bad_option_still_gets_the_whole_parsers_sentence():
    with pytest.raises(parser.UsageError) as fast:
        parser.parse_arguments(["--colour"])
    with pytest.raises(parser.UsageError) as whole:
        parser.build_parser().parse_args(["--colour"])
    assert str(fast.value) == str(whole.value)
    assert "--colour" in str(fast.value)
