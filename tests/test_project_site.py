"""Where the Markdown extension looks for the docs and puts the exports, by config file."""

from __future__ import annotations

from pathlib import Path

from mkdocs_compare.project_site import from_config_files, from_zensical


def test_mkdocs_yml_gives_the_folders_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: pages\nsite_dir: out\nuse_directory_urls: false\n", encoding="utf-8"
    )
    site = from_config_files(tmp_path)
    assert (site.docs_dir, site.site_dir) == (tmp_path / "pages", tmp_path / "out")
    assert site.use_directory_urls is False and site.source_relative is False
    assert site.config_file == tmp_path / "mkdocs.yml"


def test_zensical_toml_when_there_is_no_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "zensical.toml").write_text(
        '[project]\nsite_name = "x"\ndocs_dir = "content"\nsite_dir = "public"\n', encoding="utf-8"
    )
    site = from_config_files(tmp_path)
    assert (site.docs_dir, site.site_dir) == (tmp_path / "content", tmp_path / "public")
    assert site.use_directory_urls is True and site.source_relative is True


def test_no_config_file_means_the_defaults(tmp_path: Path) -> None:
    site = from_config_files(tmp_path)
    assert (site.docs_dir, site.site_dir) == (tmp_path / "docs", tmp_path / "site")


def test_zensicals_context_config() -> None:
    config = {
        "root_dir": "/project",
        "docs_dir": "docs",
        "site_dir": "build",
        "use_directory_urls": False,
        "exclude_docs": "drafts/\n",
        "draft_docs": None,
    }
    site = from_zensical(config)
    assert (site.docs_dir, site.site_dir) == (Path("/project/docs"), Path("/project/build"))
    assert site.use_directory_urls is False and site.excluded == "drafts/\n"
