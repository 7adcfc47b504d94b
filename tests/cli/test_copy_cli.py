"""`netui copy --from SRC --to DST` end to end, and `netui backup` / `restore` on a team's
PostgreSQL network (issue 19)."""

from __future__ import annotations

from netui import cli, demo
from netui.store import db


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def demo_file(path, people=40):
    handle = db.open_database(path)
    demo.generate_network(people=people)
    handle.close()


def test_copy_a_file_to_a_server_and_back_says_what_it_copied(postgres_cluster, tmp_path, capsys, frozen):
    source, back = tmp_path / "mine.db", tmp_path / "back.db"
    demo_file(source)
    # The password is in the address: never printed (the throwaway server trusts anyone).
    server = postgres_cluster.address(postgres_cluster.new_database()) + " password=s3cr3t-word"

    code, out, err = run(capsys, "copy", "--from", source, "--to", server)
    assert (code, err) == (0, "")
    assert out.startswith(f"Copied {source} to ")
    assert "40 contacts, 300 interactions, 5 events, 9 follow-ups" in out
    assert "s3cr3t-word" not in out and "password=***" in out

    code, out, err = run(capsys, "copy", "--from", server, "--to", back)
    assert code == 0 and "40 contacts, 300 interactions" in out and f"to {back}:" in out
    for database in (source, server, back):
        assert run(capsys, "--db", database, "export", "csv", "--out", tmp_path / "x.csv")[0] == 0
        exported = (tmp_path / "x.csv").read_bytes()
        if database == source:
            first = exported
        assert exported == first, database


def test_copy_into_a_network_that_holds_people_is_refused(tmp_path, capsys, frozen):
    source, occupied = tmp_path / "mine.db", tmp_path / "theirs.db"
    demo_file(source, people=5)
    demo_file(occupied, people=3)
    code, out, err = run(capsys, "copy", "--from", source, "--to", occupied)
    assert code == 2 and out == ""
    assert err == (f"netui: {occupied} already holds a network (3 contacts), so nothing was copied: copy into a "
                   "new file or an empty database.\n")


def test_copy_needs_both_ends(tmp_path, capsys):
    code, _out, err = run(capsys, "copy", "--from", tmp_path / "mine.db")
    assert code == 2 and "--to" in err
    code, _out, err = run(capsys, "copy", "--from", tmp_path / "missing.db", "--to", tmp_path / "new.db")
    assert code == 2 and "missing.db: there is no netui network there to copy." in err
    assert not (tmp_path / "new.db").exists()


def test_copy_speaks_italian(tmp_path, capsys, frozen):
    source, target = tmp_path / "mine.db", tmp_path / "copia.db"
    demo_file(source, people=2)
    code, out, _err = run(capsys, "--lang", "it", "copy", "--from", source, "--to", target)
    assert code == 0 and out.startswith(f"Copiato {source} in {target}: 2 contatti")


def test_backup_and_restore_on_a_server_point_to_pg_dump(postgres_cluster, tmp_path, capsys):
    server = postgres_cluster.address(postgres_cluster.new_database()) + " password=s3cr3t-word"
    code, out, err = run(capsys, "--db", server, "backup", "--to", tmp_path / "b.db")
    assert code == 2 and out == "" and "pg_dump" in err and "s3cr3t-word" not in err
    assert not (tmp_path / "b.db").exists()

    a_file = tmp_path / "a.db"
    demo_file(a_file, people=2)
    code, out, err = run(capsys, "--db", server, "restore", a_file, "--yes")
    assert code == 2 and out == "" and "pg_restore" in err and "s3cr3t-word" not in err
