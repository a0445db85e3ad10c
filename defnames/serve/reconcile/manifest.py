"""The service manifest, and the types and properties the service declares."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from ..limits import Limits

ANY_TYPE = {"id": "organization", "name": "Defense-industry organization"}
_KIND_NAMES = {
    "company": "Company",
    "subsidiary": "Subsidiary",
    "division": "Division",
    "joint_venture": "Joint venture",
    "state_enterprise": "State enterprise",
    "holding": "Holding company",
}
#: The types: any organization, and each entity kind (narrower than it).
TYPES: list[dict[str, Any]] = [ANY_TYPE] + [{"id": k, "name": v, "broader": [ANY_TYPE]} for k, v in _KIND_NAMES.items()]
#: Properties a reconciliation query may carry.
QUERY_PROPERTIES: list[dict[str, str]] = [
    {
        "id": "country",
        "name": "Country (ISO 3166-1 alpha-2 code)",
        "description": "the country the entity should be in, e.g. DE",
    },
    {
        "id": "context",
        "name": "Context text",
        "description": "text around the name; decides names that are also everyday words",
    },
]
#: Properties data extension can fetch (identifier schemes are added per registry).
EXTEND_PROPERTIES: list[dict[str, str]] = [
    {"id": "country", "name": "Country code"},
    {"id": "country_name", "name": "Country"},
    {"id": "parent", "name": "Parent"},
    {"id": "ultimate_parent", "name": "Ultimate parent"},
    {"id": "owners", "name": "Owners"},
    {"id": "owner_shares", "name": "Owners with shares"},
    {"id": "former_names", "name": "Former names"},
    {"id": "identifiers", "name": "Identifiers"},
    {"id": "legal_name", "name": "Legal name"},
    {"id": "kind", "name": "Kind"},
    {"id": "status", "name": "Status"},
    {"id": "successor", "name": "Successor"},
    {"id": "website", "name": "Website"},
    {"id": "sources", "name": "Sources"},
]
_ENTITY_VALUED = {"parent", "ultimate_parent", "owners", "successor"}


# -- the manifest ------------------------------------------------------------------------
def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def manifest(request: Request, limits: Limits) -> dict[str, Any]:
    """The service manifest (what OpenRefine reads when the service is added)."""
    base = _base(request)
    from defnames import __version__

    return {
        "versions": ["0.1", "0.2"],
        "name": "defnames: defense-industry companies",
        "identifierSpace": "https://github.com/defnames/defnames/tree/main/reference/entities/",
        "schemaSpace": "https://github.com/defnames/defnames/tree/main/docs/data-model.md",
        "documentation": "https://github.com/defnames/defnames/tree/main/docs/serve.md",
        "serviceVersion": str(__version__),
        "batchSize": limits.max_batch,
        "view": {"url": f"{base}/#/entity/{{{{id}}}}"},
        "defaultTypes": [ANY_TYPE],
        "preview": {"url": f"{base}/reconcile/preview?id={{{{id}}}}", "width": 420, "height": 240},
        "suggest": {
            "entity": {
                "service_url": base,
                "service_path": "/reconcile/suggest/entity",
                "flyout_service_url": base,
                "flyout_service_path": "/reconcile/flyout/entity?id=${id}",
            },
            "type": {"service_url": base, "service_path": "/reconcile/suggest/type"},
            "property": {"service_url": base, "service_path": "/reconcile/suggest/property"},
        },
        "extend": {
            "propose_properties": {"service_url": base, "service_path": "/reconcile/extend/propose"},
            "property_settings": [],
        },
    }
