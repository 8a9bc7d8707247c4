"""`entente schema`: the JSON Schema of the output contract."""
from __future__ import annotations

import json

from entente.cli import app
from entente.model import json_schema


@app.command()
def schema() -> None:
    """Print the JSON Schema of one extracted story (the output contract)."""
    print(json.dumps(json_schema(), indent=2))
