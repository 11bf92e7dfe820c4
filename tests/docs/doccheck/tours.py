# SPDX-License-Identifier: EUPL-1.2
"""Sessions run from start to finish so that every documented command (protocol 5.4) is sent
as written and accepted, every event kind happens (6.5), and most refusals are heard in Dutch
and English (8.2). The documented commands go by their ids (`c13`); between them the tours send
what it takes to get there, and the refusals they provoke on the way.

A documented command whose id no tour sends is reported: a new example needs a place here.
"""
from doccheck.session import Session


def incident(run):
    """The incident method, with someone without a device (Anna) and someone away (Daan)."""
    s = Session(run, "incident", ["Fenna", "Pieter"])
    # Every event from the first, session_created included (only a replay carries it).
    s.connect("Fenna", since=0)
    s.connect("Pieter")
    s.documented("Fenna", "c41")  # add_participant Anna: participant 3, no device
    s.ids["Anna"] = 3
    s.join("Daan")
    s.connect("Daan")
    s.connect("beamer")
    s.refuse("beamer", {"kind": "raise_disturbance"}, "read_only")
    s.documented("Daan", "c1", expect="join_over_http")
    s.documented("Daan", "c56", expect="join_over_http")
    s.refuse("Fenna", {"kind": "add_participant", "name": "Pieter"}, "name_taken")
    s.refuse("Fenna", {"kind": "add_participant", "name": "anna"}, "place_without_device")
    s.refuse("Fenna", {"kind": "add_participant", "name": "x" * 61}, "name_too_long")
    s.refuse("Fenna", {"kind": "add_participant", "name": " "}, "text_empty")
    s.refuse("Fenna", {"kind": "hand_over_facilitator", "participant": 1},
             "already_facilitator")
    s.refuse("Fenna", {"kind": "hand_over_facilitator", "participant": 9},
             "unknown_participant")
    s.refuse("Fenna", {"kind": "assign_scribe", "participant": 3}, "no_scribe_in_method")
    s.refuse("Fenna", {"kind": "assign_presenter", "participant": 2}, "wrong_step")
    s.refuse("Daan", {"kind": "start"}, "not_allowed_for_role")
    s.refuse("Fenna", {"kind": "pause"}, "not_started")
    s.documented("Fenna", "c40")  # set_coach_hints off
    s.refuse("Fenna", {"kind": "set_coach_hints", "on": False}, "setting_unchanged")
    s.documented("Fenna", "c49")  # set_contributions written
    s.documented("Fenna", "c50")  # and back to the method's
    s.refuse("Fenna", {"kind": "resolve_disturbance"}, "no_disturbance")
    s.documented("Daan", "c9")  # raise_disturbance
    s.refuse("Fenna", {"kind": "start"}, "disturbance_open")
    s.documented("Fenna", "c10")  # resolve_disturbance
    s.documented("Daan", "c51")  # an anonymous disturbance
    s.do("Fenna", {"kind": "resolve_disturbance"})
    s.documented("Fenna", "c5")  # start
    s.refuse("Fenna", {"kind": "start"}, "already_started")

    # Inventory (step 0).
    s.refuse("Fenna", {"kind": "choose_issue"}, "no_votes")
    s.documented("Pieter", "c13")  # candidate 1, Pieter's
    s.documented("Fenna", "c44")  # candidate 2, Anna's, typed by Fenna
    s.refuse("Daan", {"kind": "propose_issue", "text": "Iets.", "on_behalf_of": 3},
             "not_allowed_to_record")
    s.refuse("Fenna", {"kind": "propose_issue", "text": "Iets.", "on_behalf_of": 4},
             "has_own_device")
    s.refuse("Fenna", {"kind": "propose_issue", "text": "Iets\u0007."}, "invalid_text")
    s.refuse("Fenna", {"kind": "vote", "candidate": 7}, "unknown_candidate")
    s.do("Fenna", {"kind": "vote", "candidate": 2})
    s.documented("Daan", "c15")  # vote for candidate 1
    s.refuse("Fenna", {"kind": "choose_issue"}, "vote_tied")
    s.do("Fenna", {"kind": "vote", "candidate": 1})
    s.refuse("Fenna", {"kind": "next_step"}, "step_not_complete")
    s.documented("Fenna", "c16")  # choose by the votes: candidate 1, Pieter presents
    s.refuse("Pieter", {"kind": "propose_issue", "text": "Nog een."}, "issue_already_chosen")
    s.documented("Fenna", "c6")  # next_step: the statement

    # Statement (step 1).
    s.refuse("Fenna", {"kind": "start_preparation"}, "statement_required")
    s.refuse("Fenna", {"kind": "next_step", "confirm": True}, "statement_required")
    s.refuse("Pieter", {"kind": "set_statement", "text": " "}, "text_empty")
    s.documented("Pieter", "c18")  # set_statement
    s.refuse("Fenna", {"kind": "end_preparation"}, "not_preparing")
    s.documented("Pieter", "c19")  # start_preparation
    s.refuse("Pieter", {"kind": "start_preparation"}, "preparation_running")
    s.documented("Fenna", "c20")  # end_preparation
    s.refuse("Fenna", {"kind": "adjust_time", "seconds": 0}, "time_out_of_range")
    s.documented("Fenna", "c8")  # adjust_time
    s.refuse("Fenna", {"kind": "resume"}, "not_paused")
    s.documented("Fenna", "c11")  # pause
    s.refuse("Fenna", {"kind": "pause"}, "already_paused")
    s.refuse("Daan", {"kind": "add_note", "text": "Iets."}, "session_paused")
    s.documented("Fenna", "c12")  # resume
    s.documented("Pieter", "c39")  # write_private_note
    s.refuse("Daan", {"kind": "write_private_note", "text": "Iets."}, "not_allowed_for_role")
    s.do("Fenna", {"kind": "next_step"})

    # Question rounds (step 2): the order is Fenna, Anna, Daan.
    s.refuse("Daan", {"kind": "ask_question", "text": "Voor wie zeg je ja?"}, "not_your_turn")
    s.refuse("Fenna", {"kind": "ask_question", "text": "Iets?", "on_behalf_of": 3},
             "not_their_turn")
    s.refuse("Pieter", {"kind": "answer_question"}, "no_question_pending")
    s.refuse("Pieter", {"kind": "add_note", "text": "Iets."}, "wrong_step")
    s.documented("Fenna", "c21")  # question 1
    s.refuse("Fenna", {"kind": "close_rounds"}, "answer_pending")
    s.refuse("Fenna", {"kind": "rate_question", "rating": "warm"}, "wrong_step")
    s.documented("Pieter", "c24")  # answered with a note
    s.documented("Fenna", "c42")  # question 2, asked out loud for Anna
    s.documented("Pieter", "c25")  # declined
    s.drop("Daan")  # Daan's phone goes flat: Fenna asks for him
    s.await_presence("Fenna", [1, 2])
    s.documented("Fenna", "c22")  # question 3, for Daan
    s.do("Pieter", {"kind": "answer_question"})
    s.connect("Daan")
    s.do("Fenna", {"kind": "ask_question", "text": "Wat zou je willen?"})  # question 4
    s.do("Pieter", {"kind": "answer_question"})
    s.do("Fenna", {"kind": "ask_question", "text": "", "on_behalf_of": 3})  # question 5
    s.do("Pieter", {"kind": "answer_question"})
    s.do("Daan", {"kind": "ask_question"})  # question 6, out loud: no text at all
    s.do("Pieter", {"kind": "answer_question"})
    s.refuse("Daan", {"kind": "note_key_point", "question": 1, "text": "Kern."},
             "not_allowed_for_role")
    s.refuse("Fenna", {"kind": "note_key_point", "question": 1, "text": "Kern."},
             "already_written")
    s.refuse("Fenna", {"kind": "note_key_point", "question": 6, "advice": 1, "text": "Kern."},
             "wrong_target")
    s.refuse("Fenna", {"kind": "note_key_point", "question": 60, "text": "Kern."},
             "unknown_question")
    s.refuse("Fenna", {"kind": "note_key_point", "advice": 1, "text": "Kern."},
             "unknown_advice")
    s.refuse("Fenna", {"kind": "note_key_point", "question": 6, "text": "k" * 301},
             "key_point_too_long")
    s.documented("Fenna", "c52")  # the key point of question 6
    s.refuse("Fenna", {"kind": "ask_question", "text": "", "on_behalf_of": 3},
             "not_their_turn")
    s.refuse("Fenna", {"kind": "next_step"}, "step_rule_not_met")
    s.documented("Fenna", "c23")  # pass
    s.documented("Fenna", "c43")  # pass for Anna
    s.do("Daan", {"kind": "pass"})  # everyone passed: the rounds close
    s.refuse("Daan", {"kind": "pass"}, "rounds_closed")
    s.do("Fenna", {"kind": "next_step"})

    # Gossip (step 3).
    s.documented("Daan", "c29")  # add_observation
    s.documented("Fenna", "c45")  # an observation for Anna
    s.refuse("Pieter", {"kind": "add_observation", "text": "Ik zie iets."}, "presenter_listens")
    s.refuse("Pieter", {"kind": "reflect", "text": "Klopt."}, "gossip_still_open")
    s.documented("Daan", "c48")  # add_note
    s.documented("Fenna", "c30")  # close_gossip
    s.refuse("Fenna", {"kind": "close_gossip"}, "gossip_closed")
    s.documented("Pieter", "c31")  # reflect
    s.do("Fenna", {"kind": "next_step"})

    # Reframe (step 4): reframed, then kept after all; so the advice comes next.
    s.refuse("Fenna", {"kind": "next_step", "confirm": True}, "step_not_complete")
    s.documented("Pieter", "c32")  # reframe
    s.documented("Pieter", "c33")  # keep_statement
    s.do("Fenna", {"kind": "next_step"})

    # Advice (step 6), after its time to think.
    s.refuse("Fenna", {"kind": "give_advice", "text": "Iets."}, "preparation_running")
    s.do("Fenna", {"kind": "end_preparation"})
    s.documented("Fenna", "c34")  # advice 1, with the opener put in front
    s.documented("Fenna", "c46")  # advice 2, out loud for Anna
    s.documented("Fenna", "c53")  # its key point
    s.do("Daan", {"kind": "pass"})
    s.refuse("Daan", {"kind": "give_advice", "text": "Iets."}, "rounds_closed")
    s.do("Fenna", {"kind": "next_step"})

    # The presenter's reaction (step 7) and the closing (step 8).
    s.documented("Pieter", "c37")  # react
    s.do("Fenna", {"kind": "next_step"})
    s.documented("Daan", "c38")  # closing_remark
    s.documented("Fenna", "c47")  # Anna's closing remark, without words
    s.documented("Fenna", "c7")  # next_step with confirm: the session finishes
    s.refuse("Fenna", {"kind": "pause"}, "session_finished")
    return s


def fresh_questioning(run):
    """Fresh Questioning: a scribe who records ratings, and a gossip step without reflection."""
    s = Session(run, "fresh-questioning", ["Fenna", "Pieter", "Anna", "Daan"])
    for name in ("Fenna", "Pieter", "Anna", "Daan"):
        s.connect(name)
    s.refuse("Fenna", {"kind": "start"}, "presenter_required")
    s.documented("Fenna", "c2")  # assign_presenter Pieter
    s.refuse("Fenna", {"kind": "start"}, "scribe_required")
    s.refuse("Fenna", {"kind": "assign_scribe", "participant": 2}, "scribe_cannot_present")
    s.refuse("Fenna", {"kind": "hand_over_facilitator", "participant": 2},
             "facilitator_cannot_present")
    s.documented("Fenna", "c3")  # assign_scribe Anna
    s.documented("Fenna", "c4")  # hand_over_facilitator Daan
    s.refuse("Fenna", {"kind": "assign_presenter", "participant": 3}, "not_allowed_for_role")
    s.do("Daan", {"kind": "start"})
    s.refuse("Daan", {"kind": "assign_presenter", "participant": 3}, "presenter_already_chosen")
    s.do("Pieter", {"kind": "set_statement", "text": "Ik wil vaker nee zeggen."})
    s.do("Daan", {"kind": "next_step"})
    # Questions (step 1), rated: the order is Fenna, Anna, Daan.
    s.do("Fenna", {"kind": "ask_question",
                   "text": "Heb je al eens geprobeerd om het gewoon te zeggen?"})  # question 1
    s.reconnect("Daan")  # the facilitator's snapshot marks the question (7.2, coach)
    s.documented("Pieter", "c26")  # rated warm
    s.do("Anna", {"kind": "ask_question", "text": "Wie vraagt het?"})  # question 2
    s.do("Pieter", {"kind": "decline_question"})
    s.refuse("Anna", {"kind": "rate_question", "question": 2, "rating": "cold"},
             "question_declined")
    s.refuse("Anna", {"kind": "rate_question", "question": 9, "rating": "cold"},
             "unknown_question")
    s.do("Daan", {"kind": "ask_question", "text": "Wat wil je zelf?"})  # question 3
    s.documented("Anna", "c27")  # the scribe rates question 3
    s.do("Fenna", {"kind": "ask_question", "text": "Wie vraagt het?"})  # question 4
    s.do("Pieter", {"kind": "rate_question", "rating": "cold"})
    s.refuse("Anna", {"kind": "ask_question", "text": "wie vraagt het"},
             "question_declined_before")
    s.documented("Daan", "c28")  # close_rounds
    s.do("Daan", {"kind": "next_step"})
    # Gossip without reflection (step 2).
    s.refuse("Pieter", {"kind": "reflect", "text": "Klopt."}, "wrong_step")
    s.do("Fenna", {"kind": "add_observation", "text": "Veel vragen over thuis."})
    s.do("Daan", {"kind": "next_step", "confirm": True})
    s.do("Pieter", {"kind": "reflect", "text": "Dat raakt me."})
    s.do("Daan", {"kind": "next_step"})
    return s


def balint(run):
    """Balint: written advice, shared in turn."""
    s = Session(run, "balint", ["Fenna", "Pieter", "Anna", "Daan"])
    for name in ("Fenna", "Pieter", "Anna", "Daan"):
        s.connect(name)
    s.refuse("Fenna", {"kind": "assign_presenter", "participant": 1},
             "facilitator_cannot_present")
    s.do("Fenna", {"kind": "assign_presenter", "participant": 2})
    s.do("Fenna", {"kind": "start"})
    s.do("Pieter", {"kind": "set_statement", "text": "Ik wil vaker nee zeggen."})
    s.do("Fenna", {"kind": "next_step"})
    s.do("Fenna", {"kind": "next_step", "confirm": True})  # step 2: written advice
    s.documented("Daan", "c35")  # write_draft
    s.do("Anna", {"kind": "write_draft", "text": "Ik zou het vragen."})
    s.do("Fenna", {"kind": "next_step", "confirm": True})  # step 3: share in turn
    s.refuse("Fenna", {"kind": "share_advice"}, "nothing_to_share")
    s.do("Fenna", {"kind": "pass"})
    s.do("Anna", {"kind": "share_advice", "essence": "Vraag het."})
    s.refuse("Anna", {"kind": "write_draft", "text": "Nog iets."}, "already_shared")
    s.documented("Daan", "c36")  # share_advice
    s.do("Fenna", {"kind": "next_step"})
    s.do("Pieter", {"kind": "react", "tomorrow": "Vragen."})
    s.do("Fenna", {"kind": "next_step"})
    return s


def inventory_and_returns(run):
    """An issue withdrawn and another chosen by name; two requests to come back."""
    s = Session(run, "incident", ["Fenna", "Pieter", "Anna", "Daan"])
    for name in ("Fenna", "Pieter", "Anna"):
        s.connect(name)
    s.refuse("Fenna", {"kind": "admit_return", "request": 1}, "unknown_request")
    asked = run.http("POST", f"/api/sessions/{s.session_id}/returns",
                     {"join_token": s.join_token, "participant": 4})
    s.refuse("Pieter", {"kind": "admit_return", "request": 1}, "not_allowed_for_role")
    s.connect("Daan")  # on the old device, in Dutch and in English
    english = run.live(s.path(s.tokens[4], lang="en"), name="Daan (en)")
    s.documented("Fenna", "c54")  # admit_return: Daan's place moves to the new device
    for live in (s.live.pop("Daan"), english):
        while live.next().get("code") != "seat_moved":
            pass
    s.tokens[4] = asked.json["token"]
    run.http("POST", f"/api/sessions/{s.session_id}/returns",
             {"join_token": s.join_token, "participant": 2})
    s.documented("Fenna", "c55")  # decline_return
    s.connect("Daan")
    s.do("Fenna", {"kind": "start"})
    s.documented("Pieter", "c13")  # candidate 1
    s.do("Anna", {"kind": "propose_issue", "text": "Ik twijfel over mijn rooster."})
    s.refuse("Anna", {"kind": "withdraw_issue", "candidate": 1}, "not_allowed_for_role")
    s.documented("Pieter", "c14")  # withdraw_issue 1
    s.refuse("Daan", {"kind": "vote", "candidate": 1}, "issue_withdrawn")
    s.documented("Fenna", "c17")  # choose_issue 2: Anna presents
    return s


def small_group(run):
    """Refusals about who is there: too few people, nobody to advise, a full group."""
    s = Session(run, "balint", ["Fenna"], takes_turns=False)
    s.connect("Fenna")
    s.refuse("Fenna", {"kind": "start"}, "too_few_participants")
    s.join("Pieter")
    s.do("Fenna", {"kind": "assign_presenter", "participant": 2})
    s.refuse("Fenna", {"kind": "start"}, "no_advisers")
    for name in ("Anna", "Bram", "Cas", "Daan", "Eva", "Fleur"):
        s.do("Fenna", {"kind": "add_participant", "name": name})
    s.refuse("Fenna", {"kind": "add_participant", "name": "Gijs"}, "group_full")
    # A place open on eight screens: a ninth is turned away, in English and in Dutch.
    screens = [run.live(s.path(s.tokens[1]), name="Fenna") for _ in range(7)]
    for query, name in (({"lang": "en"}, "Fenna (en)"), ({}, "Fenna")):
        turned_away = run.live(s.path(s.tokens[1], **query), name=name)
        while turned_away.next().get("code") != "too_many_connections":
            pass
    for screen in screens:
        screen.close()
    s.do("Fenna", {"kind": "start"})
    s.do("Fenna", {"kind": "set_statement", "text": "Ik wil iets."})
    s.do("Fenna", {"kind": "next_step"})
    s.refuse("Fenna", {"kind": "hand_over_facilitator", "participant": 3},
             "rounds_in_progress")
    return s


TOURS = [incident, fresh_questioning, balint, inventory_and_returns, small_group]


def malformed(run):
    """Messages the codec refuses (protocol 8.1), each with the message its table shows."""
    s = Session(run, "incident", ["Fenna", "Pieter"])
    s.connect("Fenna")
    messages = [
        '{"type":', "[]", '{"type":"subscribe","id":"x"}', '{"type":"command","id":"x"}',
        '{"type":"command","id":"x","command":{}}',
        '{"type":"command","id":"x","command":{"kind":"dance"}}',
        '{"type":"command","id":"x","command":{"kind":"propose_issue"}}',
        '{"type":"command","id":"x","command":{"kind":"vote","candidate":"1"}}',
        '{"type":"command","id":"x","command":{"kind":"propose_issue","text":null}}',
        '{"type":"command","id":"x","command":{"kind":"next_step","confirm":"yes"}}',
        '{"type":"command","id":"","command":{"kind":"start"}}',
        '{"type":"command","id":"x","command":{"kind":"vote","candidate":0}}',
        '{"type":"command","id":"x","command":{"kind":"rate_question","rating":"hot"}}',
        '{"type":"command","id":"x","command":{"kind":"pass","who":1}}',
        '{"type":"command","id":"x","command":{"kind":"start","now":true}}',
        '{"type":"command","id":"x","command":{"kind":"propose_issue","text":"'
        + "x" * 4001 + '"}}',
        '{"type":"command","id":"x","command":{"kind":"adjust_time","seconds":2147483648}}',
    ]
    for text in messages:
        s.live["Fenna"].send(text)
        while s.live["Fenna"].next().get("type") != "error":
            pass
    return s


TOURS.append(malformed)
