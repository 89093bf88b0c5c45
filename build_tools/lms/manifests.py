"""The manifest of each package kind: ``imsmanifest.xml`` (SCORM 1.2, SCORM 2004 4th edition)
and ``cmi5.xml`` (cmi5 course structure). Valid against ADL's schemas (tests/lms/)."""
from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree as ET

from .settings import LmsSettings


@dataclass(frozen=True)
class PackageFacts:
    """What a manifest says about the course in one language."""

    lang: str
    title: str
    description: str
    launch: str                  # the start page inside the package, e.g. "el/index.html"
    mastery_percent: int         # the quiz pass mark
    quiz_required: bool          # whether passing the quiz is part of completion
    outcomes: tuple[str, ...]    # learning outcomes, as plain text
    files: tuple[str, ...]       # every file of the package (SCORM lists them)


SCORM12_NS = {
    "": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
SCORM2004_NS = {
    "": "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
    "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
    "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
    "imsss": "http://www.imsglobal.org/xsd/imsss",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
CMI5_NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"


def _q(ns: dict, prefix: str, tag: str) -> str:
    return f"{{{ns[prefix]}}}{tag}"


def _sub(parent: ET.Element, ns: dict, prefix: str, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, _q(ns, prefix, tag), {k.replace("__", ":"): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _serialise(root: ET.Element, ns: dict) -> bytes:
    for prefix, uri in ns.items():
        ET.register_namespace(prefix, uri)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def _resources(root: ET.Element, ns: dict, facts: PackageFacts, scorm_type_attr: str) -> None:
    resources = _sub(root, ns, "", "resources")
    resource = _sub(resources, ns, "", "resource", identifier="resource-module", type="webcontent", href=facts.launch)
    resource.set(scorm_type_attr, "sco")
    for name in facts.files:
        _sub(resource, ns, "", "file", href=name)


def _manifest_with_item(facts: PackageFacts, settings: LmsSettings, ns: dict, schema_location: str,
                        schema_version: str) -> tuple[ET.Element, ET.Element]:
    """A SCORM manifest (1.2 and 2004 share the IMS content packaging shape) with its metadata and
    the one organization holding the one item for the module; returns (manifest, item)."""
    root = ET.Element(_q(ns, "", "manifest"), {"identifier": settings.identifier(facts.lang), "version": settings.version})
    root.set(f"{XSI}schemaLocation", schema_location)
    metadata = _sub(root, ns, "", "metadata")
    _sub(metadata, ns, "", "schema", "ADL SCORM")
    _sub(metadata, ns, "", "schemaversion", schema_version)
    organizations = _sub(root, ns, "", "organizations", default="organization-module")
    organization = _sub(organizations, ns, "", "organization", identifier="organization-module")
    _sub(organization, ns, "", "title", facts.title)
    item = _sub(organization, ns, "", "item", identifier="item-module", identifierref="resource-module", isvisible="true")
    _sub(item, ns, "", "title", facts.title)
    return root, item


def scorm12_manifest(facts: PackageFacts, settings: LmsSettings) -> bytes:
    ns = SCORM12_NS
    root, _item = _manifest_with_item(facts, settings, ns,
                                      "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
                                      "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd", "1.2")
    # No adlcp:masteryscore: with one, an LMS (Moodle by default) sets 'passed' as soon as the
    # score reaches it, even with lessons unread; the SCO reports the record's own rule instead.
    _resources(root, ns, facts, f"{{{ns['adlcp']}}}scormtype")
    return _serialise(root, ns)


def scorm2004_manifest(facts: PackageFacts, settings: LmsSettings) -> bytes:
    ns = SCORM2004_NS
    root, item = _manifest_with_item(facts, settings, ns,
                                     "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd "
                                     "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
                                     "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
                                     "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
                                     "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd", "2004 4th Edition")
    sequencing = _sub(item, ns, "imsss", "sequencing")
    objectives = _sub(sequencing, ns, "imsss", "objectives")
    primary = _sub(objectives, ns, "imsss", "primaryObjective", objectiveID="module",
                   satisfiedByMeasure="true" if facts.quiz_required else "false")
    _sub(primary, ns, "imsss", "minNormalizedMeasure", f"{facts.mastery_percent / 100:g}")
    for number, _ in enumerate(facts.outcomes, start=1):
        _sub(objectives, ns, "imsss", "objective", objectiveID=f"outcome-{number}")
    _sub(sequencing, ns, "imsss", "deliveryControls", completionSetByContent="true", objectiveSetByContent="true")
    _resources(root, ns, facts, f"{{{ns['adlcp']}}}scormType")
    return _serialise(root, ns)


def cmi5_structure(facts: PackageFacts, settings: LmsSettings) -> bytes:
    ET.register_namespace("", CMI5_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
        element = ET.SubElement(parent, f"{{{CMI5_NS}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    def langstrings(parent: ET.Element, tag: str, text: str) -> None:
        sub(sub(parent, tag), "langstring", text, lang=facts.lang)

    root = ET.Element(f"{{{CMI5_NS}}}courseStructure")
    course = sub(root, "course", id=settings.iri(facts.lang, "course"))
    langstrings(course, "title", facts.title)
    langstrings(course, "description", facts.description or facts.title)
    move_on = "CompletedAndPassed" if facts.quiz_required else "Completed"
    au = sub(root, "au", id=settings.iri(facts.lang, "au"), moveOn=move_on, launchMethod="AnyWindow",
             **({"masteryScore": f"{facts.mastery_percent / 100:g}"} if facts.quiz_required else {}))
    langstrings(au, "title", facts.title)
    langstrings(au, "description", facts.description or facts.title)
    sub(au, "url", facts.launch)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


MANIFEST_FILE = {"scorm12": "imsmanifest.xml", "scorm2004": "imsmanifest.xml", "cmi5": "cmi5.xml"}
WRITERS = {"scorm12": scorm12_manifest, "scorm2004": scorm2004_manifest, "cmi5": cmi5_structure}
