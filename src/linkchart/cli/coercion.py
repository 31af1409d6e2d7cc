"""Command-line values converted without pydantic where the answer is plain.

Typer 0.29 converts every parameter's value through a pydantic TypeAdapter: importing
pydantic and building the adapters is about a third of what a listing command takes to
start (docs/performance.md, "Sixth session: start-up"). Most values need no pydantic: a
string for a `str`, a plain decimal within range for an `int`, one of an Enum's choices,
a path. Those are converted here exactly as the adapters would convert them (the same
typer functions for choices and paths); any other value, and every error, goes to
typer's own adapter, built when first needed.

`install()` does nothing where typer has no adapters (before 0.29) or has changed the
parts this relies on.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

DECIMAL = re.compile(r"0|-?[1-9][0-9]{0,17}")
"""An int written as Python and pydantic both read it, with no sign, space or _ to argue."""


class Delegate(Exception):
    """The value goes to typer's adapter."""


def install() -> bool:
    """Make typer's parameters convert plain values here; False where typer does not fit."""
    try:
        from typer import _coercion, _param_types
        from typer.core import _TyperParameter
    except ImportError:
        return False
    needed = (hasattr(_TyperParameter, "get_runtime_param"),
              hasattr(_coercion, "RuntimeParam"), hasattr(_coercion, "build_runtime_param"),
              hasattr(_param_types, "coerce_cli_choice"),
              hasattr(_param_types, "coerce_cli_path"))
    if not all(needed):
        return False
    _TyperParameter.get_runtime_param = _runtime_param(_coercion, _param_types)
    return True


def _runtime_param(_coercion, _param_types):
    class PlainFirst(_coercion.RuntimeParam):
        """Plain values converted here; the others by typer's adapter, built on first use."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                return _plain(self.annotation, self.parameter_info, value, param, ctx,
                              _param_types)
            except Exception:
                return self._adapted(param)._coerce_value(value, param=param, ctx=ctx)

        def _adapted(self, param: Any):
            return _coercion.build_runtime_param(param.type_descriptor)

    def get_runtime_param(self):
        if self._runtime_param is None:
            descriptor = self.type_descriptor
            self._runtime_param = (
                _coercion.build_runtime_param(descriptor)
                if descriptor.file_annotation is not None
                or descriptor.parameter_info.parser is not None
                else PlainFirst(annotation=descriptor.annotation,
                                parameter_info=descriptor.parameter_info))
        return self._runtime_param

    return get_runtime_param


def _plain(annotation: Any, info: Any, value: Any, param: Any, ctx: Any, types) -> Any:
    """`value` as the adapter makes it, or Delegate."""
    if get_origin(annotation) is list:
        (item_type,) = get_args(annotation)
        items = value if isinstance(value, (list, tuple)) else [value]
        return [_leaf(item_type, info, item, param, ctx, types) for item in items]
    return _leaf(annotation, info, value, param, ctx, types)


def _leaf(annotation: Any, info: Any, value: Any, param: Any, ctx: Any, types) -> Any:
    if annotation is str and type(value) is str:
        return value
    if annotation is int and not info.clamp:
        return _int(value, info.min, info.max)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return types.coerce_cli_choice(value, choices=tuple(annotation),
                                       case_sensitive=info.case_sensitive, ctx=ctx)
    if annotation is Path and info.path_type is None and type(value) is str \
            and value and "\0" not in value:
        return types.coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
    raise Delegate


def _int(value: Any, low: Any, high: Any) -> int:
    if type(value) is str and DECIMAL.fullmatch(value):
        value = int(value)
    if type(value) is not int or (low is not None and value < low) \
            or (high is not None and value > high):
        raise Delegate
    return value
