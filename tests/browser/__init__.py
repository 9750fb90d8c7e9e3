"""Browser tests (a package, so its conftest and modules never shadow the ones in tests/)."""
