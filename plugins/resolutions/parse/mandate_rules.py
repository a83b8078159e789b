"""The rules of mandate extraction as data: verbs, actors, actions and due-point phrases.

``parse/mandates.py`` reads these tables and nothing else decides what a mandate is; docs/mandates.md
describes them for readers and is the labelling guide of the hand-labelled set. Every phrase is matched
case-insensitively on whole words, after the paragraph's spaces are normalised. Order matters where said.
"""

from __future__ import annotations

LEAD_WORDS = (
    "also", "further", "furthermore", "again", "once again", "once more", "moreover", "finally", "lastly",
    "strongly", "urgently", "earnestly", "again strongly", "further strongly", "also strongly", "respectfully",
    "in this regard", "in that regard", "in this respect", "in that respect", "in this context", "in that context",
    "to that end", "to this end",
    "accordingly", "therefore", "in addition", "additionally", "similarly", "likewise", "consequently",
    "hereby", "formally", "cordially", "warmly", "kindly", "solemnly", "in that connection", "in this connection",
    "reiterates its", "renews its", "repeats its", "reiterates the", "renews the", "reaffirms its", "reaffirms the",
    "meanwhile", "in the meantime",
    # A request repeated with a word before it: "Reiterates its previous requests to", "Reiterates the urgent call
    # upon", "Renews its previous call to".
    "reiterates its previous", "reiterates its earlier", "reiterates its urgent", "reiterates the urgent",
    "reiterates the previous", "renews its previous", "renews its urgent", "renews the urgent",
    "reaffirms its previous", "reaffirms its earlier",
)
"""Words that may stand before the verb (``Also requests``, ``In this regard, urges``); skipped."""

VERBS = (
    # (printed verb phrase, verb key): the longest phrase that matches wins.
    ("requests", "request"), ("request to", "request"), ("request that", "request"), ("asks", "request"),
    ("request the", "request"),  # a declaration's "we … request the Secretary-General"
    # A declaration's first person (the Heads of State: "We call upon: (a) All entities … to …").
    ("we call upon", "call"), ("we call on", "call"), ("we urge", "call"), ("we encourage", "encourage"),
    ("we invite", "invite"), ("we request", "request"), ("we decide", "decide"), ("we recommend", "recommend"),
    ("directs", "request"), ("instructs", "request"), ("entrusts", "request"), ("mandates", "request"),
    ("calls upon", "call"), ("calls on", "call"), ("call upon", "call"), ("call on", "call"),
    ("calls for", "call"), ("call for", "call"), ("call to", "call"), ("urges", "call"), ("appeals to", "call"),
    ("appeal to", "call"), ("appeals again to", "call"), ("appeals once again to", "call"),
    ("calls once more on", "call"), ("calls once more upon", "call"), ("calls again on", "call"),
    ("calls again upon", "call"), ("calls once again on", "call"), ("calls once again upon", "call"),
    ("demands", "call"), ("encourages", "encourage"),
    ("invites", "invite"), ("invites and encourages", "invite"), ("invitation to", "invite"),
    ("authorizes", "authorize"), ("decides", "decide"), ("resolves", "decide"), ("recommends", "recommend"),
    # "Reiterates the request made to the Secretary-General, in its resolution …, to", "reiterates its
    # recommendation to the Secretary-General to": the request repeated is asked again.
    ("request made to", "request"), ("recommendation to", "recommend"),
    # "Reiterates its request, made to the Secretary-General in its resolution 73/188, to …", "Reiterates its request,
    # made in paragraph 40 of its resolution 68/268, that the Secretary-General submit …".
    ("request, made", "request"),
    ("extends", "decide"), ("renews", "decide"),
)
"""Operative verbs that ask for an action. ``decides`` (and the Security Council's ``extends``/``renews`` a mandate)
asks it of the issuing body itself."""

PASSIVE_VERBS = ("requested", "asked", "directed", "instructed", "invited", "encouraged", "urged", "called upon",
                 "called on", "authorized")
"""A verb printed in the passive after its actor: under a lead-in of ``decides`` (*Decides: … (b) The Consular
Commission is requested to …*, *Resolves that: … The Secretary-General is authorized to advance …*), an item that
starts with an actor, ``PASSIVE_BE`` and one of these, then *to* or a colon, is what the body decides (it inherits
verb and actor as a ``To …`` item does). Elsewhere such a paragraph starts with no verb and is no mandate (the
labelling guide: *Governments … are encouraged to …* under *Recommends the following:*)."""

PASSIVE_BE = ("is", "are", "be", "shall be", "should be", "will be", "shall also be", "is also", "are also",
              "is further", "are further", "is hereby", "are hereby", "are again", "is again", "are strongly")
"""What stands between the actor and a verb of ``PASSIVE_VERBS``."""

CLAUSE_JOINS = (", and ", "; and ", "; ", ", and also ", " and also ", " and further ", " and ", ", ",
                ". The Security Council ", ". The General Assembly ", ". The Council ", ". The Assembly ")
"""What may join a second mandate clause to the first (``…, and requests the Secretary-General to report``):
a join followed by a verb of ``VERBS`` (after optional ``LEAD_WORDS``) starts a new mandate. A new sentence whose
subject is the issuing body (the early Security Council's ``… . The Security Council requests the permanent members
to report …``) is a join too."""

NOT_MANDATES = (
    "decides to remain seized", "decides to remain actively seized", "decides to keep the matter under review",
    "decides to remain engaged", "decides to keep", "decides to remain apprised", "extends its", "renews its",
)
"""Clauses that use a mandate verb but ask for nothing new (the body keeps an item under review, ``extends its
thanks``)."""

ACTORS = (
    # (normalised actor, phrases naming it). The first phrase found in the actor's words wins, in this order.
    ("President of the General Assembly", ("president of the general assembly",)),
    ("President of the Economic and Social Council", ("president of the economic and social council",)),
    ("President of the Security Council", ("president of the security council",)),
    ("Secretary-General", ("secretary-general", "secretary general")),
    ("Secretariat", ("secretariat",)),
    ("States parties", ("states parties",)),
    ("Member States", ("member states", "states members", "states", "governments", "countries")),
    ("parties", ("parties",)),
    # The Power administering a Territory, or all of them: one role, as readers of the registry look for it.
    ("administering Powers", ("administering powers", "administering power")),
    ("United Nations system", ("united nations system", "organizations of the united nations",
                               "united nations entities", "united nations organizations", "united nations agencies",
                               "entities of the united nations system", "agencies", "funds and programmes",
                               "specialized agencies", "united nations organs")),
    ("Human Rights Council", ("human rights council",)),
    ("Economic and Social Council", ("economic and social council",)),
    ("Security Council", ("security council",)),
    ("United Nations Educational, Scientific and Cultural Organization",
     ("united nations educational, scientific and cultural organization",)),
    ("General Assembly", ("general assembly",)),
    ("United Nations High Commissioner for Human Rights", ("high commissioner for human rights",)),
    ("Office of the High Commissioner for Human Rights", ("office of the united nations high commissioner for human rights", "office of the high commissioner for human rights")),
    ("United Nations High Commissioner for Refugees", ("high commissioner for refugees",)),
    ("Advisory Committee on Administrative and Budgetary Questions", ("advisory committee on administrative",)),
    ("Joint Inspection Unit", ("joint inspection unit",)),
    ("Board of Auditors", ("board of auditors",)),
    ("International Law Commission", ("international law commission",)),
    ("Special Rapporteur", ("special rapporteur",)),
    ("Special Committee", ("special committee",)),
)
"""Who is asked: the actor's words (after ``ACTOR_FILLERS``) that begin with one of these phrases name it, unless
a capitalised word follows (``Security Council Committee established …`` is that Committee, not the Council). An
actor not in the table is kept as printed, up to ``ACTOR_ENDS``."""

ACTOR_FILLERS = ("the", "all", "relevant", "all relevant", "other", "all other", "concerned", "interested",
                 "the relevant", "in particular", "including", "its", "their", "those", "involved", "all involved",
                 "both", "the two", "two", "each of those", "each of the", "each", "all of the", "all of",
                 "the respective", "respective")
"""Words before the actor's name that are not part of it (``all relevant United Nations entities``, ``the two
Governments``, ``each of those Governments``, ``the respective parties``)."""

ACTOR_ENDS = (" to ", ",", ";", ":", " that ", " in order", " should ", " shall ", " will ", " must ", " and the ",
              " and all ", " and other ", " and relevant ", " and its ", " and their ",
              " as well as ", " within ", " in accordance", " in consultation", " through ", " when ", " which ",
              " not to ", " continue ", " consult ", " meet ", " ensure ", " submit ", " mentioned ", " concerned",
              " as a whole")
"""Where the printed words of an actor not in ``ACTORS`` end (the earliest one wins); a lower-case adverb
(``urgently``, ``actively``: a word ending in ``ly``) ends them too, and so do ``not to`` and the verbs that follow an
actor in *requests that the Special Envoy continue*, *demands that the regime meet its responsibility*, *its request
that they ensure*; and so do the fillers printed after a name (*the administering Powers concerned*, *the
international community as a whole*)."""

THAT_PASSIVE_BE = ("be",)
"""After *that*, words that hold *be* before where an actor's name would end ask something of no one named
(*Requests that peacekeeping missions be provided with adequate resources*), or of the agent printed after *by*
(*Demands that full compensation by the Government of Portugal be paid* → `Government of Portugal`)."""

NOT_ACTOR_STARTS = ("a", "an")
"""Words that an actor's printed words never begin with: *Urges an early commencement of substantive work*, *Requests an
update on progress*, *Encourages a continued focus on …* ask for something, of no one named (``""``)."""

ACTOR_PRONOUNS = ("him", "her", "it", "them", "they", "he", "she", "these entities", "these organizations",
                  "these bodies")
"""An actor named by a pronoun (``…, and encourages him to continue``) is the actor of the clause before; in a
paragraph whose mandates start after its head (``Congratulates the States parties …, and calls upon them to``),
the one the head names."""

NOT_ACTORS = ("efforts", "endeavours", "contributions", "contribution", "collaboration", "cooperation",
              "co-operation", "continuation", "end", "cessation", "provision", "implementation", "establishment",
              "attention", "release", "opening", "compliance", "support", "measures", "steps", "action", "recourse",
              "evaluation", "exchanges", "convening", "application", "follow-up", "actions", "adherence", "observance",
              "involvement", "participation", "transparency", "inputs", "input", "role", "roles")
"""Nouns of an action: when the words after the verb hold one before the actor would end (``Encourages the
continuing efforts of …``, ``Calls for the immediate cessation of …``, ``invites inputs from all countries``,
``recommends that the roles of focal points … be reaffirmed``), the clause names no actor (``""``)."""

OBJECT_VERBS = ("calls for", "call for")
"""Verbs whose object is what is asked, not who is asked (``Calls for a sincere and effective follow-up …``,
``calls for full adherence …``): the clause names an actor only when its words begin with one of ``ACTORS``
(``Calls for all States to …``) or when its printed words end at *to* (``calls for institutions to develop …``),
else ``""``."""

BODY_ACTORS = (
    ("General Assembly", "General Assembly"), ("Security Council", "Security Council"),
    ("Economic and Social Council", "Economic and Social Council"),
)
"""The actor of ``decides``: the issuing body (``Resolution.body``), else the one its symbol names
(``symbols.body_of_symbol``)."""

ACTIONS = (
    # (action, cue phrases): the first action (in this order) one of whose cues occurs in the clause wins.
    # "…" stands for at most twelve words (``submit … report``: ``submit to the Council a report``).
    ("include-item", ("to include in the provisional agenda", "to include in its provisional agenda",
                      "to include in the agenda", "include in the provisional agenda",
                      "to include the item", "include an item", "to include a sub-item", "to include the sub-item",
                      "to include in the programme of work", "to include the question")),
    ("report", ("to report", "report thereon", "report back", "submit reports", "submit … report",
                "shall report", "will report", "should report", "make a report", "make a … report",
                "present … report", "prepare … report", "provide … report", "transmit … report",
                "include in his … report", "include in her … report", "include in its … report",
                "of his next report", "of her next report", "of its next report", "continue to submit",
                "submit … proposal", "submit … proposals", "present … proposal", "presenting … proposal",
                "prepare a summary", "prepare … summary",
                "to include in his report", "to include in her report", "to include in the report",
                "include in the aforementioned report", "and report", "and to report", "provide information",
                "submit such information", "supply such information", "submit information",
                # Updating a body is informing it; updating a manual or a website is not.
                "update the general assembly", "update the council", "update the security council",
                "update the human rights council", "update the commission", "update the committee", "update member states",
                "make recommendations", "present … reports", "factual summary", "keep … informed",
                "inform the general assembly", "inform the secretary-general", "inform the committee",
                "address the general assembly", "interactive dialogue with the general assembly",
                "in his next report", "in her next report", "in his report", "in her report", "in its next report", "to keep the council informed",
                "to keep the security council informed", "to keep the general assembly informed",
                "to keep it informed", "to keep the council regularly informed", "keep the council informed",
                "to inform the council", "to inform the security council", "to inform the general assembly",
                "written update", "oral update", "to brief", "briefing", "annual report", "progress report",
                "submit an update", "provide an update", "present an update", "submit updates", "provide updates",
                # Information passed on to a body, whatever the verb: communicate, apprise.
                "communicate … information", "communicate … views", "submit … views",
                "apprise", "keep … apprised",
                # A report in any form: plural, folded into the actor's reports, forwarded records or summaries.
                "submit … reports", "prepare … reports", "transmit … reports", "provide … with reports",
                "submit … information", "transmit … information", "submit … material",
                "incorporate into his", "incorporate into her", "incorporate into its", "incorporate in his",
                "incorporate in her", "incorporate in its", "include … in a report", "in a report",
                "include … in the report", "include … in that report", "include … in this report",
                "include … in the same report", "include … in those reports",
                # Put in the actor's reports, plural ("to provide in his reports … a full explanation").
                "in his reports", "in her reports", "in its reports",
                # Reporting among other work, to a body or its segment ("to conduct regular monitoring, reporting and
                # follow-up, including to the annual operational activities for development segment").
                "reporting, including to the", "reporting and follow-up, including to the",
                # Passing information on, to whomever ("to inform without delay … the consular post").
                "inform without delay", "make any recommendations",
                # A proposal put in a document the body receives ("to propose in his next budget submission").
                "propose in his", "propose in her", "propose in its", "propose in the context of",
                "submit … recommendations", "present … recommendations", "make … proposals available",
                "contribute … to that report", "contribute … to the report",
                "forward … summary", "forward … records", "forward … report", "transmit … summary",
                "transmit … records",
                # Proposals and recommendations made to the body that asks for them.
                "make proposals", "to make … proposals", "provide recommendations",
                # Information or an assessment put before a body.
                "present information", "present detailed information", "present further information",
                "present additional information", "present updated information", "provide the assessment",
                "submit the assessment", "present the assessment",
                # "to report" with an adverb between ("to further report in the next budget performance report").
                "to further report", "to also report", "to regularly report", "to periodically report",
                "to duly report", "to promptly report", "to immediately report", "to continuously report",
                "to publicly report", "to annually report", "to systematically report", "to jointly report",
                # Information and proposals in further wordings ("to keep the Commission on Narcotic Drugs
                # appropriately updated", "to provide updated information on the impact", "to present future budget
                # proposals", "provide its observations to the General Assembly", "inform the Member States concerned").
                # A body kept updated, not a database or a law ("to keep them updated to take account of …").
                "keep the commission … updated", "keep the committee … updated", "keep the council … updated",
                "keep the general assembly … updated", "keep member states updated", "keep member states … updated",
                "provide updated information", "provide additional information", "provide further information",
                "provide detailed information", "provide comprehensive information",
                # not "the present resolution and to consider further proposals", "present, past and future proposals"
                "to present … proposals", "provide its observations", "submit its observations",
                "present its observations", "inform member states", "inform the member states",
                # Information given to the Secretary-General or the Secretariat ("to provide the Secretary-General with
                # complete and timely information as required under article 7", "to provide relevant information to
                # the secretariat for inclusion in the inventory").
                "provide the secretary-general with … information", "provide the secretariat with … information",
                "information to the secretary-general", "information to the secretariat",
                # Anything put before a body itself ("to submit plans for its … programme of work to the Assembly",
                # "to submit to the Security Council at an early date an account of …").
                "submit to the general assembly", "submit to the security council", "submit to the council",
                "submit to the assembly", "submit … to the general assembly", "submit … to the assembly")),
    ("extend", ("to extend the mandate", "extend the mandate", "to renew the mandate", "renew the mandate",
                "to extend until", "to extend the period", "to extend the term", "to extend its mandate",
                "to extend the authorization", "extend the authorizations", "to extend the measures",
                "to extend the stationing", "to prolong", "extends the", "extends for", "extends until",
                "extends once more", "extends once again", "extends again", "extends further",
                "renews the", "renews for", "renews until")),
    ("establish", ("to establish", "establish a", "establish an", "to set up", "establishes", "be established")),
    # "to hold" a meeting, not "to hold programme managers accountable".
    ("convene", ("to convene", "to hold a", "to hold an", "to hold its", "to hold the", "to hold consultations",
                 "to hold … meeting", "to hold … meetings", "to hold … session", "to hold … sessions",
                 "to hold … conference", "to hold … dialogue", "to hold … debate", "to hold … forum",
                 "to hold … discussions", "to hold … discussion", "to hold … consultations", "to hold … briefing",
                 "to hold … hearings", "to hold … workshop", "to hold … seminar", "to hold … panel",
                 "to hold … briefings", "to hold … negotiations", "to hold it in", "to hold it at",
                 "consider convening", "consider holding", "convening a", "convening an",
                 "arrangements for the … meeting", "arrangements for the … conference",
                 "arrangements for the … session", "arrangements for the … summit", "to organize a", "to organize an", "convene a", "convene an", "hold a",
                 "to be convened", "be convened", "shall be convened", "will be convened", "shall be held",
                 "will be held", "to host", "decides to meet", "decide to meet", "preside over",
                 "hold its … session", "arrange … meeting", "arrange … conference")),
    ("continue", ("to continue", "continue to", "shall continue", "should continue", "will continue", "continue the",
                  # the continuation itself asked for (not "resources for the continuation of …")
                  "encourages the continuation", "calls for the continuation", "recommends the continuation",
                  "urges the continuation", "encourages continuation", "calls for continuation", "shall remain in force")),
)
"""What is asked, by cue phrase; a clause with none of them asks for an ``other`` action."""

ASKED_OF_OTHERS = ("to invite", "to encourage", "to urge", "to call upon", "to call on")
"""What an actor is asked to ask of others (``Requests the Secretary-General to invite Governments to submit
information``): the words from one of these to the next ``and to`` or ``;`` say what the others are to do, so they
give the actor's clause no cue of ``ACTIONS`` or ``RECURRENCE`` (its action is what else it asks, else ``other``).
Not for ``decides``: the issuing body's own invitation (*Decides to invite the Chair to present an oral report*) is
its request."""

DUE_SESSION = (
    # (phrase template, how the session is found): ORDINAL is an ordinal word (``eighty-first``), YEAR four
    # digits (an ECOSOC session), NUMBER digits with their suffix (``81st``).
    ("at its ORDINAL session", "ordinal"), ("at its ORDINAL and ORDINAL sessions", "ordinal"),
    ("at the ORDINAL session", "ordinal"), ("at the ORDINAL and ORDINAL sessions", "ordinal"), ("to its ORDINAL session", "ordinal"), ("of its ORDINAL session", "ordinal"),
    ("during its ORDINAL session", "ordinal"), ("during the ORDINAL session", "ordinal"),
    ("before its ORDINAL session", "ordinal"), ("by its ORDINAL session", "ordinal"),
    ("for its ORDINAL session", "ordinal"), ("at its NUMBER session", "ordinal"),
    ("at its YEAR session", "year"), ("at its YEAR substantive session", "year"),
    ("at its YEAR management segment", "year"), ("during its YEAR session", "year"),
    ("of its YEAR session", "year"), ("for its YEAR session", "year"), ("for the YEAR session", "year"),
    ("to its YEAR session", "year"), ("for the ORDINAL session", "ordinal"),
    ("at its next session", "next"), ("at its following session", "next"), ("at its forthcoming session", "next"),
    ("at its next regular session", "next"), ("of its next session", "next"), ("to its next session", "next"),
    ("during the resumed ORDINAL session", "ordinal"), ("at its resumed ORDINAL session", "ordinal"),
    ("at the resumed ORDINAL session", "ordinal"),
    ("the conclusion of its YEAR session", "year"), ("the conclusion of the YEAR session", "year"),
    ("the conclusion of its ORDINAL session", "ordinal"), ("the conclusion of the ORDINAL session", "ordinal"),
    ("at its session in YEAR", "year"), ("at the session in YEAR", "year"),
    ("in the ORDINAL session", "ordinal"), ("in its ORDINAL session", "ordinal"),
    # "at the first part of its resumed seventy-fifth session", "during the main part of the seventy-sixth session".
    ("part of its resumed ORDINAL session", "ordinal"), ("part of the resumed ORDINAL session", "ordinal"),
    ("part of the ORDINAL session", "ordinal"),
    # "to the General Assembly and the Human Rights Council at their seventy-eighth and fifty-third sessions": the
    # first is the first body's.
    ("at their ORDINAL and ORDINAL sessions", "ordinal"),
    # "before the end of its seventy-fifth session", "no later than the seventy-seventh session".
    ("before the end of its ORDINAL session", "ordinal"), ("before the end of the ORDINAL session", "ordinal"),
    ("no later than its ORDINAL session", "ordinal"), ("no later than the ORDINAL session", "ordinal"),
    ("not later than its ORDINAL session", "ordinal"), ("not later than the ORDINAL session", "ordinal"),
    ("at its current session", "current"), ("at its present session", "current"),
    ("of its current session", "current"), ("during its current session", "current"),
)
"""Phrases that name the session something is due at. ``next`` is the resolution's own session plus one,
``current`` its own session; a phrase that cannot be resolved (no session of its own, an ordinal that is not one)
is reported as an info (``RES401``), never guessed."""

SESSION_OFFICERS = ("president of the general assembly", "president of the economic and social council", "president",
                    "chair", "chairs", "bureau", "vice-presidents")
"""Officers named with their session (``the President of the General Assembly at its seventy-fifth session``): a
session phrase right after one says whose officer, not when something is due."""

SESSION_PAST_WORDS = ("submitted", "presented", "adopted", "held", "considered", "issued", "endorsed", "approved",
                      "launched", "agreed", "decided", "taken")
"""Past participles that make a session phrase right after them (and a body's name: *his report submitted to the
Commission on Human Rights at its sixtieth session*, *the decisions adopted at its seventy-fourth session*) say when
something happened, not when anything is due; not after *be* (*to be held at its seventy-fifth session* is ahead). Not *made*: *to report on the progress made at its
seventy-eighth session* asks for a report at that session."""

NOT_ESTABLISHED = ("contacts", "contact", "relations", "the facts", "the truth", "the whereabouts", "the fate",
                   "whether", "the identity", "the responsibility", "responsibility", "links", "ties", "control")
"""What *establish* may take that is no body, mechanism or fund (*to establish and maintain contacts with the States
concerned*, *to establish the facts*, *to establish and maintain control over the future development of those
resources*): no cue of ``establish``."""

CITED_IN_REPORT_WORDS = ("contained", "outlined", "identified", "prioritized", "described", "set out", "presented",
                         "mentioned", "highlighted", "referred to", "made", "proposed", "reflected", "noted")
"""Past participles that make *in his (her, its) report* right after them a report already written (*including
those prioritized in his report*, *the recommendations contained in his report*): no cue of ``ACTIONS``."""

CITED_REPORT_WORDS = ("submitted", "presented", "contained", "issued", "considered", "published")
"""Past participles that make a report named with *his*, *its*, *the*… right before them one already written (*in
his report submitted to the Commission …*, *the reports contained in …*): named, not asked for, so it is no cue of
``ACTIONS`` (*a report prepared by …* may well be asked for)."""

SESSION_BODY_WORDS = ("Assembly", "Council", "Commission", "Committee", "Conference", "Board", "Forum", "Congress",
                      "Meeting", "Group", "Summit")
"""Words that end or hold the name of a body that meets in sessions (matched with their capital). Whose session a
phrase names: the body printed after it (*at the sixtieth session of the Commission for Social Development*), or,
for *its* (*at its sixtieth session*), the last body named before it in the clause (*submit to the Commission for
Social Development … at its sixtieth session*), not one named after *through* (the channel) nor before another
infinitive of the clause (*…, and to include in the provisional agenda of its …*); none named: the issuing body's
own. A body named only by one of these words (*the Commission*) is the one named in full nearest before it (in the
clause, the paragraph, the title, the paragraphs before it), else that word."""

SHORT_NAME_HEADS = ("Commission", "Committee", "Council", "Conference", "Board", "Forum", "Department", "Office",
                    "Division", "Agency", "Programme", "Fund", "Organization", "Institute", "Centre", "Unit", "Mission",
                    "Panel", "Group", "Tribunal", "Court", "Bank", "Commissioner", "Facility", "Network")
"""The last words of an actor printed by a short name (*the Department*, *the Office*, *the High Commissioner*, *the
Office of the High Commissioner*: capitalised words and ``SESSION_NAME_LINKS`` only, ending with one of these, and not
an actor of ``ACTORS``), taken for the full name printed nearest before it that it begins (*Department of Global
Communications*), or, for one word, that holds it (*International Atomic Energy Agency*), going on as
``FULL_NAME_GOES_ON`` says; kept as printed when none is."""

FULL_NAME_GOES_ON = ("for", "on", "of")
"""What a full name goes on with after the head word of a one-word short name (*Department of Global
Communications*, *Commission on Narcotic Drugs*; or nothing: *International Law Commission*). After a short name of
several words, only *for* and *on* (*High Commissioner for Refugees*, *Scientific Committee on the Effects of Atomic
Radiation*): a full name that goes on otherwise is not a longer name of it (*International Maritime Organization of
Guidelines for …*, *World Health Organization Global Strategy*, *Security Council Committee*)."""

FULL_NAME_GOES_ON_LONGER = ("for", "on")

NAME_SUFFIXES = (" of the Secretariat", " of the United Nations Secretariat")
"""Words at the end of a full name that say where the entity sits, left out as most mentions leave them out
(*Department of Global Communications of the Secretariat* is the actor *Department of Global Communications*)."""

NAME_PREFIXES = ("United Nations",)
"""Words a full name may hold that its short name leaves out (*the Office* for *the United Nations Office on Drugs and
Crime*, *the Office of the High Commissioner* for *the Office of the United Nations High Commissioner for Human
Rights*)."""

INFINITIVE_JOINS = (", and to ", "; and to ", "; to ")
"""What starts another infinitive of a clause (*Decides to convene … of the Fourth Committee …, and to include in the
provisional agenda of its seventy-seventh session*): a body named before it is not the one *its* stands for."""

SESSION_NAME_LINKS = ("of", "on", "for", "the", "to", "in", "against")
"""Small words inside a body's name (*Commission on the Status of Women*); ``and`` links two capitalised words."""

OWN_BODY_NAMES = (
    ("General Assembly", ("General Assembly", "Assembly")), ("Security Council", ("Security Council", "Council")),
    ("Economic and Social Council", ("Economic and Social Council", "Council")),
)
"""How an issuing body names itself (*to the Council at its 2023 session* in an ECOSOC resolution)."""

SAME_REPORT = ("in the report", "in that report", "in this report", "in the same report", "in the said report",
               "in those reports", "to that report", "to the report")
"""How a reporting request names the report asked for before it in its paragraph (*to submit … at its
seventy-seventh session a report …, and also requests the Secretary-General to include … information in the
report*): with no due point of its own, it is due when that report is."""

DECISION_BEFORE_LEADS = ("in that regard", "in this regard", "to this end", "to that end", "in this context",
                         "in that context", "for that purpose", "for this purpose", "accordingly")
"""Lead words that tie a reporting request to the issuing body's decision right before it in the paragraph
(*Decides to continue considering … at its seventy-seventh session, and in that regard requests the Secretary-General
to include in his report …*): with no due point of its own, the report is due at that decision's session."""

UNRESOLVED_SESSION = tuple(
    f"{where} {whose} {which} session"
    for where in ("at", "for", "of", "during", "before", "by")
    for whose in ("its", "the", "a")
    for which in ("next", "future", "later", "resumed", "subsequent", "special", "annual", "same", "relevant",
                  "forthcoming", "following", "regular")
)
"""Due phrases that name a session that cannot be known from the text alone (``at a future session``): an info
(``RES401``) when no other due point is found in the clause."""

SESSION_NAMED_BEFORE = ("same",)
"""Words of ``UNRESOLVED_SESSION`` that point back (*this election shall take place prior to the regular election to be
held at the same session*): such a phrase names the session of the nearest operative paragraph before it that names
one (*1. Decides that an election … shall take place during the ninth session of the General Assembly*), and stays
unresolved when none does."""

DUE_DATE = ("by DATE", "before DATE", "no later than DATE", "not later than DATE", "until DATE", "up to DATE",
            "ending DATE", "by the end of MONTH YEAR", "by MONTH YEAR", "until MONTH YEAR", "no later than MONTH YEAR",
            "not later than MONTH YEAR", "before MONTH YEAR", "by the end of YEAR", "by YEAR", "until YEAR",
            "in the first half of YEAR", "in the second half of YEAR", "in the first quarter of YEAR",
            "in the second quarter of YEAR", "in the third quarter of YEAR", "in the fourth quarter of YEAR",
            "in the first part of YEAR", "in the second part of YEAR",
            # "before the end of June 2023", "not later than the end of February 1977", "before the end of 2021"
            "before the end of MONTH YEAR", "no later than the end of MONTH YEAR", "not later than the end of MONTH YEAR",
            "before the end of YEAR", "no later than the end of YEAR", "not later than the end of YEAR")
"""Phrases that name a date something is due by (or a mandate lasts until): DATE is a printed day month
year, MONTH a month name, YEAR four digits. The first one in the clause wins."""

DUE_DATE_AHEAD = ("on DATE", "on WEEKDAY DATE", "on DAY and DATE", "from DAY to DATE", "from DAY MONTH to DATE",
                  "in YEAR")
"""Date phrases that are a due point only when the day is after the resolution's adoption (``convene … on 1
December 2020``): before it, or with no adoption date, they say when something happened (``adopted on …``); nor
after a word of ``DATE_AHEAD_NOT_AFTER``. A meeting of several days (``on 18 and 19 May 2023``, ``from 16 to 24
February 2021``) is due by its last day; WEEKDAY is a day's name (``on Monday, 25 July 2022``)."""

DATE_AHEAD_NOT_AFTER = ("beginning", "starting", "commencing", "effective", "from", "since", "adopted", "signed",
                        "period", "expiration", "expiry")
"""Words before a ``DUE_DATE_AHEAD`` phrase that make its day a start or a past event, not a due point (``for a
period of four years, beginning on 1 January 2020``), or the end of something else (``the five vacancies which will
occur owing to the expiration on 5 February 1955 of the terms of five members``)."""

MEETING_NAMED_WORDS = ("to be held", "to be convened", "to take place", "will be held", "will take place")
"""Words that make a ``DUE_DATE_AHEAD`` phrase printed after them (within a few words: *the Conference, to be held in
Kyoto from 7 to 12 March 2021*) the date of a meeting named in passing: a due point only when the clause asks to
convene that meeting (action ``convene``), not for what is to be done at or about it (*to attend the Meeting …*, *a
report on synergies with the Conference to be held in 2021*)."""

RECURRENCE = (
    ("annual", ("annually", "on an annual basis", "every year", "each year", "yearly", "annual basis",
                "annual reporting", "in his annual report", "in her annual report", "in its annual report",
                "in his annual reports", "in her annual reports", "in its annual reports", "in their annual reports",
                "annual reports", "next annual report", "an annual report")),
    ("biennial", ("biennially", "every two years", "on a biennial basis", "biennial basis", "biennial report")),
    ("triennial", ("every three years", "triennially", "on a triennial basis", "triennial basis")),
    ("quadrennial", ("every four years", "quadrennially", "on a quadrennial basis")),
    ("quinquennial", ("every five years", "quinquennially")),
    ("every 30 days", ("every 30 days", "every thirty days", "every month", "on a monthly basis")),
    ("every 60 days", ("every 60 days", "every sixty days")),
    ("every 90 days", ("every 90 days", "every ninety days", "every three months", "quarterly")),
    ("every 120 days", ("every 120 days", "every four months")),
    ("every 180 days", ("every 180 days", "every six months", "semi-annually", "twice a year", "twice yearly")),
    ("regular", ("on a regular basis", "regularly", "periodically", "periodic reports", "regular reports",
                 "periodic report", "regular report", "regular updates", "periodic updates", "regular briefings",
                 "periodic briefings", "report … from time to time", "reports … from time to time",
                 "informed … from time to time", "inform … from time to time",
                 # "to conduct regular monitoring, reporting and follow-up", "regular follow-up, monitoring and reporting"
                 "regular monitoring, reporting", "regular follow-up, monitoring and reporting")),
)
"""How often a mandate recurs, by phrase; the first one found in the clause wins."""

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "twenty-four": 24, "forty-eight": 48,
    "seventy-two": 72, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90,
    "one hundred and twenty": 120, "one hundred and eighty": 180,
}
"""Numbers printed as words in ``within NUMBER days`` (``within twenty-four hours``)."""

DOCUMENTS = ("comprehensive report", "consolidated report", "progress report", "annual report", "interim report",
             "final report", "updated report", "analytical report", "written report", "report", "study",
             "note", "recommendations", "proposals", "briefing", "written update", "oral update", "update",
             "information")
"""What a reporting request names, by noun, longest first (``a comprehensive report``). The document is the
noun and, when printed, whom it goes to (``report to the Human Rights Council``)."""

RECIPIENTS = ("to the general assembly", "to the security council", "to the economic and social council",
              "to the human rights council", "to the council", "to the assembly", "to the commission",
              "to the committee", "to the conference", "to member states", "to the board")
"""Whom a reporting request's document goes to, when printed after it."""
