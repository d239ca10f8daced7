"""Arguments into sources: URLs, directories, files, and list files (`@FILE` or `*.list`, never `.txt`)."""

from __future__ import annotations

from pathlib import Path

from marsad.watch.sources import DIRECTORY, FEED_URL, FILE, BadSource, Source, expand, is_list


def test_urls_directories_and_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    got = expand(["https://news.test/rss", str(tmp_path), str(tmp_path / "a.txt"), "HTTP://news.test/rss"])
    assert got == [Source(FEED_URL, "https://news.test/rss"), Source(DIRECTORY, str(tmp_path)),
                   Source(FILE, str(tmp_path / "a.txt")), Source(FEED_URL, "HTTP://news.test/rss")]


def test_a_list_file_names_one_source_a_line_relative_to_itself(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "more.list").write_text("https://b.test/rss\n", encoding="utf-8")
    lst = tmp_path / "feeds.txt"
    lst.write_text("# comment\n\nhttps://a.test/rss\n  in  \nmore.list\nhttps://a.test/rss\n", encoding="utf-8")
    assert expand([f"@{lst}"]) == [Source(FEED_URL, "https://a.test/rss"), Source(DIRECTORY, str(tmp_path / "in")),
                                   Source(FEED_URL, "https://b.test/rss")]


def test_txt_files_are_articles_not_lists() -> None:
    assert is_list("@feeds.txt") and is_list("feeds.list") and not is_list("article.txt")
    assert not is_list("https://x.test/feeds.list")


def test_problems_are_reported_not_raised(tmp_path: Path) -> None:
    loop = tmp_path / "self.list"
    loop.write_text("self.list\n", encoding="utf-8")
    got = expand(["ftp://x.test/rss", str(tmp_path / "nope"), "@" + str(tmp_path / "nope.txt"), str(loop)])
    assert all(isinstance(g, BadSource) for g in got)
    msgs = [g.message for g in got if isinstance(g, BadSource)]
    assert msgs[0].startswith("only http://") and msgs[1] == "no such file or directory"
    assert msgs[2].startswith("cannot read the list file") and "nested more than" in msgs[3]
