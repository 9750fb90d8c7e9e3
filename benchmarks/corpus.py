"""Generate a realistic corpus of exported comparison pages for the benchmark.

Pages are about 10 KB, like real exports: 7 to 15 features with 120-200 character notes, two
code samples of 20 to 40 lines, a three-item list. The three table layouts and the two code
forms of real exports (fenced with a language, <pre><code>) are mixed, and feature names come
from one shared vocabulary (76 names), so the summary of many tools is sparse, as on a real site.
Deterministic for a seed.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import exported
from exported import LAYOUTS, Page, Row

PRODUCT = "Lattice"
# The two code forms of real exports: fenced with a language, and an embedded <pre><code>.
CODE_FORMS = ("fenced", "pre")

FEATURES = [
    "Workflow Orchestration", "Pipeline Versioning", "Artifact Lineage", "Experiment Tracking",
    "Model Registry", "Model Serving", "Batch Inference", "Streaming Inference", "Feature Store",
    "Data Validation", "Data Versioning", "Hyperparameter Tuning", "Distributed Training",
    "GPU Scheduling", "Spot Instance Support", "Autoscaling", "Multi-Cloud Deployment",
    "On-Premises Deployment", "Kubernetes Native", "Serverless Execution", "Caching of Steps",
    "Retry Policies", "Scheduling", "Event Triggers", "Secrets Management", "Role-Based Access",
    "Single Sign-On", "Audit Logs", "Cost Tracking", "Resource Quotas", "Notebook Integration",
    "IDE Integration", "Python SDK", "REST API", "Command-Line Interface", "Web Dashboard",
    "Visual DAG Editor", "Alerting", "Monitoring and Drift", "Explainability Reports",
    "A/B Testing", "Canary Rollouts", "Shadow Deployments", "LLM Fine-Tuning", "Prompt Management",
    "Vector Database Support", "Evaluation Suites", "Human Feedback Loops", "Open Source License",
    "Self-Hosting", "Managed Cloud Offering", "Vendor Neutrality", "Plugin Ecosystem",
    "Custom Containers", "Dependency Management", "Reproducible Environments", "Git Integration",
    "CI/CD Integration", "Terraform Provider", "Helm Charts", "Metadata Store", "Search and Discovery",
    "Collaboration Workspaces", "Comments and Reviews", "Approval Workflows", "Compliance Reports",
    "Data Residency", "Encryption at Rest", "Private Networking", "Air-Gapped Installs",
    "Multi-Tenancy", "Usage Analytics", "Community Support", "Enterprise Support",
    "Documentation Quality", "Learning Curve",
]  # fmt: skip

_PREFIXES = [
    "Aero", "Bolt", "Cinder", "Delta", "Ember", "Flux", "Granite", "Harbor", "Iris", "Juniper",
    "Kestrel", "Lumen", "Mosaic", "Nimbus", "Orbit", "Prism", "Quarry", "Rivet", "Summit", "Tundra",
    "Umber", "Vector", "Willow", "Xeno", "Yarrow", "Zephyr", "Atlas", "Beacon", "Cobalt", "Drift",
    "Echo", "Falcon", "Glide", "Helix", "Ion",
]  # fmt: skip
_SUFFIXES = [
    "Flow", "ML", "Ops", "Works", "Stack", "Forge", "Pipe", "Hub", "Lab", "Base",
    "Grid", "Mesh", "Line", "Core", "Dock", "Yard", "Deck", "Port", "Scale", "Run",
    "Bench", "Craft", "Loop", "Path", "Shift", "Sync", "Vault", "Wave", "Board", "Cloud",
]  # fmt: skip
_CATEGORIES = [
    "orchestrators", "experiment-trackers", "model-registries", "serving", "feature-stores",
    "data-validation", "e2e-platforms", "llm-ops", "notebooks", "schedulers", "monitoring",
    "labeling", "vector-stores", "workflow-engines", "ci-cd", "compute-platforms",
]  # fmt: skip

_SUBJECTS = [
    "Runs", "Supports", "Ships", "Offers", "Provides", "Handles", "Tracks", "Exposes", "Adds", "Keeps",
]  # fmt: skip
_OBJECTS = [
    "pipelines on any orchestrator backend", "versioned artifacts with full lineage",
    "per-step caching keyed on inputs", "GPU and CPU resource requests per step",
    "native integrations with major clouds", "a typed Python SDK and a REST API",
    "role-based access with team workspaces", "scheduled and event-driven runs",
    "model versions with stage transitions", "metadata for every run and artifact",
    "reproducible containers built from code", "secrets resolved at run time",
]  # fmt: skip
_QUALIFIERS = [
    "without extra configuration", "through a plugin maintained by the community",
    "only on the paid tier", "with a self-hosted server", "when deployed on Kubernetes",
    "using the managed cloud offering", "via a separate add-on", "out of the box",
    "with limited support for custom backends", "through its web dashboard",
]  # fmt: skip
_WORDS = [
    "data", "model", "step", "run", "team", "cloud", "stack", "cache", "queue", "store", "graph",
    "metric", "report", "trigger", "policy", "worker", "cluster", "image", "secret", "token",
    "schema", "version", "owner", "audit", "budget", "region", "backend",
]  # fmt: skip


def tool_names(count: int) -> list[str]:
    """Distinct, plausible tool names (up to 1,050 from syllables, then numbered)."""
    names = [f"{prefix}{suffix}" for suffix in _SUFFIXES for prefix in _PREFIXES]
    random.Random(7).shuffle(names)
    return [names[i] if i < len(names) else f"Tool {i}" for i in range(count)]


def _note(rng: random.Random) -> str:
    """A 120-200 character note built from phrases (never copied from real exports)."""
    note = f"{rng.choice(_SUBJECTS)} {rng.choice(_OBJECTS)} {rng.choice(_QUALIFIERS)}."
    target = rng.randint(120, 195)
    while len(note) < target:
        sentence = (
            f"Teams can {rng.choice(['reuse', 'audit', 'share', 'pin', 'scale'])} the "
            f"{rng.choice(_WORDS)} {rng.choice(_WORDS)} across projects."
        )
        if len(note) + 1 + len(sentence) > 200:
            break
        note = f"{note} {sentence}"
    return note


def _python_sample(rng: random.Random, tool: str, lines: int) -> str:
    module = tool.lower().replace(" ", "_")
    out = [f"from {module} import pipeline, step", "", ""]
    index = 0
    while len(out) < lines - 4:
        name = f"{rng.choice(_WORDS)}_{index}"
        out += [
            "@step",
            f"def {name}(data: dict) -> dict:",
            f'    """Prepare the {rng.choice(_WORDS)} for the next stage and record its lineage."""',
            f"    data['{rng.choice(_WORDS)}'] = len(data) * {rng.randint(2, 99)}"
            f"  # keep the {rng.choice(_WORDS)} small",
            "    return data",
            "",
        ]
        index += 1
    out += ["@pipeline", "def training():", "    return prepare_0({})", ""]
    return "\n".join(out[:lines]).rstrip()


def _yaml_sample(rng: random.Random, tool: str, lines: int) -> str:
    out = ["pipeline:", f"  name: {tool.lower().replace(' ', '-')}-training", "  steps:"]
    while len(out) < lines:
        out += [
            f"    - name: {rng.choice(_WORDS)}-{len(out)}",
            f"      image: registry.example.org/{rng.choice(_WORDS)}:{rng.randint(1, 9)}.{rng.randint(0, 9)}",
            f"      resources: {{cpu: {rng.randint(1, 8)}, memory: {rng.randint(1, 32)}Gi, gpu: 0}}",
            f"      # retried on failure, results cached by the {rng.choice(_WORDS)} hash",
        ]
    return "\n".join(out[:lines])


def _shell_sample(rng: random.Random, tool: str, lines: int) -> str:
    command = tool.lower().replace(" ", "-")
    out = [f"$ pip install {command}"]
    while len(out) < lines:
        out.append(
            f"$ {command} {rng.choice(['run', 'deploy', 'register', 'sync'])} "
            f"--{rng.choice(_WORDS)} {rng.choice(_WORDS)}-{rng.randint(1, 99)} "
            f"--region eu-west-{rng.randint(1, 3)}"
        )
    return "\n".join(out)


_LANGUAGES = {_python_sample: "python", _yaml_sample: "yaml", _shell_sample: "bash"}
LANGUAGES = tuple(_LANGUAGES.values())  # the languages of the generated samples


def _category(number: int) -> str:
    name = _CATEGORIES[number % len(_CATEGORIES)]
    return name if number < len(_CATEGORIES) else f"{name}-{number // len(_CATEGORIES) + 1}"


def page(index: int, tool: str, categories: int, seed: int = 0) -> tuple[Page, tuple[str, str]]:
    """One realistic page; layout and code form rotate so every combination appears."""
    rng = random.Random(seed * 1_000_003 + index)
    names = rng.sample(FEATURES, rng.randint(7, 15))
    verdicts = ["yes", "yes", "yes", "no"]
    rows = [
        Row(name, rng.choice(verdicts), _note(rng), rng.choice(["yes", "no", "no"]), _note(rng))
        for name in names
    ]
    tool_sample = rng.choice([_python_sample, _yaml_sample, _shell_sample])
    code = (
        _python_sample(rng, PRODUCT, rng.randint(20, 40)),
        tool_sample(rng, tool, rng.randint(20, 40)),
    )
    languages = ("python", _LANGUAGES[tool_sample])
    return Page(
        product=PRODUCT,
        tool=tool,
        category=_category(index % categories),
        headline=f"Keep your {rng.choice(_WORDS)} pipelines portable beyond {tool}.",
        hero_text=(
            f"{tool} covers part of the lifecycle. {PRODUCT} runs the whole workflow on the "
            f"infrastructure you already have, and keeps every {rng.choice(_WORDS)} versioned."
        ),
        cta_headline=f"Ready to move beyond {tool}?",
        seo_description=f"{PRODUCT} compared with {tool}: features, code and next steps.",
        icon_url=f"https://lattice.example.org/icons/{tool.lower().replace(' ', '-')}.svg",
        rows=rows,
        code=code,
        learn_more=(
            f"Read the {tool} migration guide.",
            "Run the quick start in five minutes.",
            "Join the community chat and ask questions.",
        ),
        layout=LAYOUTS[index % len(LAYOUTS)],
        code_form=CODE_FORMS[(index // len(LAYOUTS)) % len(CODE_FORMS)],
    ), languages


def render(page: Page, languages: tuple[str, str]) -> str:
    """The exported page; fenced samples carry their real language, as in real exports."""
    if page.code_form != "fenced":
        return exported.render(page)
    code = "\n\n".join(
        f"```{language}\n{sample}\n```" for language, sample in zip(languages, page.code, strict=True)
    )
    body = exported.table(page.rows, page.layout)
    items = exported.learn_more_list(page.learn_more)
    return f"{exported.front_matter(page)}\n{body}\n\n{code}\n\n{items}"


def generate(count: int, seed: int = 0) -> dict[str, str]:
    """`count` pages as {path relative to docs_dir: exported text}, in `compare/`."""
    categories = max(1, count // 12)  # about a dozen tools per category, as on real sites
    pages: dict[str, str] = {}
    for index, tool in enumerate(tool_names(count)):
        slug = f"{PRODUCT}-vs-{tool}".lower().replace(" ", "-")
        pages[f"compare/{slug}.md"] = render(*page(index, tool, categories, seed))
    return pages


def write(docs: Path, count: int, seed: int = 0) -> dict[str, str]:
    """Write a fresh docs folder (an index page plus the comparison pages); return the pages."""
    pages = generate(count, seed)
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Benchmark site\n\nGenerated comparison pages.\n", encoding="utf-8")
    for name, text in pages.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return pages
