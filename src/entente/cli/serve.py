"""`entente serve`: the REST API and the dashboard over a database."""
from __future__ import annotations

import typer

from entente.cli import app
from entente.cli.common import DB, MODEL, err


@app.command()
def serve(
    db: str = DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535),
    model: str = MODEL,
) -> None:
    """Serve the dashboard (/) and the REST API (/api, OpenAPI at /docs) for a database."""
    import uvicorn

    from entente.api import create_app

    application = create_app(db, model=model)
    err.print(f"entente dashboard on http://{host}:{port}/  (API docs: /docs)", markup=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")
