# SPDX-License-Identifier: EUPL-1.2
"""What the engine makes of an advice (protocol 5.2, `give_advice`):

    <!-- check: advice -->   lines `TEXT → STORED`: TEXT given with give_advice in an incident
                             session is stored (advice_given.text) as STORED
"""
from doccheck.session import FAILURES, Session

NAMES = ["Anna", "Bram", "Cas", "Daan", "Eva", "Fleur"]


def given(run, texts):
    """The advice_given texts of `texts`, given in turn: Fenna's own first, then typed by
    her for people without a device (one incident session holds seven advisers)."""
    stored = []
    for start in range(0, len(texts), len(NAMES) + 1):
        part = texts[start:start + len(NAMES) + 1]
        s = Session(run, "incident", ["Fenna", "Pieter"])
        s.connect("Fenna")
        s.connect("Pieter")
        for name in NAMES[:len(part) - 1]:
            s.do("Fenna", {"kind": "add_participant", "name": name})
        s.do("Fenna", {"kind": "start"})
        s.do("Pieter", {"kind": "propose_issue", "text": "Ik zeg te vaak ja."})
        s.do("Fenna", {"kind": "choose_issue", "candidate": 1})
        s.do("Fenna", {"kind": "next_step"})
        s.do("Pieter", {"kind": "set_statement", "text": "Ik wil vaker nee zeggen."})
        for _ in range(3):  # questions and gossip, closed by confirming; the reframe is kept
            s.do("Fenna", {"kind": "next_step", "confirm": True})
        s.do("Pieter", {"kind": "keep_statement"})
        s.do("Fenna", {"kind": "next_step"})
        s.do("Fenna", {"kind": "end_preparation"})
        for index, text in enumerate(part):
            command = {"kind": "give_advice", "text": text}
            if index:
                command["on_behalf_of"] = 2 + index
            events = s.do("Fenna", command)
            stored.extend(e["text"] for e in events if e["kind"] == "advice_given")
        s.close()
    return stored


def check(run, block, problems):
    lines = [(offset, line.split("→")) for offset, line in enumerate(block.lines)
             if line.strip()]
    texts = [parts[0].strip() for _, parts in lines]
    try:
        stored = given(run, texts)
    except FAILURES as error:
        problems.append((block.where(), str(error)))
        return 0
    for (offset, parts), real in zip(lines, stored):
        if len(parts) != 2:
            problems.append((block.where(offset), "a line reads `TEXT → STORED`"))
        elif parts[1].strip() != real:
            problems.append((block.where(offset), f"the engine stored “{real}”"))
    return len(lines)
