"""A registry of formats by name whose modules are imported when first used.

Exporters and reporters are each one module per format; a command that never writes a
format never pays for importing it (lxml, pyarrow, the XML of the JUnit reporter).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Protocol, TypeVar


class Named(Protocol):
    """What a registry holds: an object that says its format's name."""

    @property
    def name(self) -> str: ...


T = TypeVar("T", bound=Named)


class LazyRegistry(Mapping[str, T]):
    """The objects ``<package>.<name>.<attribute>`` by name, each module imported on
    first use; a module whose object gives another name is refused."""

    def __init__(self, package: str, modules: tuple[str, ...], attribute: str) -> None:
        self._package = package
        self._modules = tuple(sorted(modules))
        self._attribute = attribute
        self._loaded: dict[str, T] = {}

    def __getitem__(self, name: str) -> T:
        if name not in self._modules:
            raise KeyError(name)
        found = self._loaded.get(name)
        if found is None:
            module = importlib.import_module(f"{self._package}.{name}")
            found = getattr(module, self._attribute)
            if found.name != name:
                raise RuntimeError(f"module {module.__name__} defines format {found.name!r}")
            self._loaded[name] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)
