"""Demo content for the forums: loaded by `manage.py load_demo`.

A handful of threads that open real questions of the action line, each with a
few replies from the demo accounts. Written through the services, so counters
and rendered Markdown are what real use would produce.
"""

from __future__ import annotations

from django.db import transaction

from forums import services
from forums.models import Forum, Thread
from portal import demo as portal_demo
from portal.models import User

MEMBER = "member@example.org"
UNCTAD = "moderator.unctad@example.org"
ILO = "moderator.ilo@example.org"
ITC = "moderator.itc@example.org"
FACILITATOR = "facilitator@example.org"

# forum slug, title, author, first post, [(author, reply), ...]
THREADS = [
    (
        "unbanked-payments",
        "Mobile money agents in rural areas: what keeps them in business?",
        MEMBER,
        "Many of the women traders in our network sell in villages where the "
        "nearest bank branch is a day's travel away. They are paid by mobile "
        "money, but the **agent** who turns that balance into cash often closes "
        "after a few months.\n\n"
        "From what we hear, agents give up because:\n\n"
        "- they run out of cash on market days and out of e-money the day after;\n"
        "- the commission on small withdrawals does not pay for the trip to "
        "restock;\n"
        "- a second business (a shop, airtime sales) is what really pays.\n\n"
        "Has anyone seen a model where rural agents stay open for years? What "
        "made the difference?",
        [
            (
                ITC,
                "In the programmes we support, the agents that last are almost "
                "always shopkeepers first. The float problem eased where a "
                "wholesaler or a cooperative acted as a *super-agent* and "
                "rebalanced cash for a dozen agents on its delivery round.",
            ),
            (
                FACILITATOR,
                "Commission structure matters too. Some regulators now allow "
                "tiered fees that pay agents more for the smallest transactions, "
                "which are the ones rural customers make. It would be useful to "
                "collect examples here: which countries, and did agent numbers "
                "outside towns actually grow?",
            ),
            (
                MEMBER,
                "Thank you both. The cooperative route sounds realistic for us: "
                "two of our groups already buy stock together. I will ask them "
                "whether their supplier would carry cash for the agents.",
            ),
        ],
    ),
    (
        "indicators",
        "Measuring women's share of online work: which indicators do you use?",
        ILO,
        "Several national statistical offices have asked us how to show whether "
        "women benefit from online work. Labour force surveys give employment "
        "by sex and age, but rarely say whether the work is done through a "
        "platform or from home.\n\n"
        "Which indicators have you found useful, and from which sources? We "
        "are especially interested in:\n\n"
        "1. share of employed women working mainly from home;\n"
        "2. earnings of women and men in occupations that are mostly online;\n"
        "3. anything that captures platform work in the informal economy.",
        [
            (
                FACILITATOR,
                "Business surveys on ICT use sometimes ask about staff who work "
                "remotely, but very few break the answer down by sex. Adding "
                "that one split to existing questionnaires may be cheaper than "
                "a new survey.",
            ),
            (
                MEMBER,
                "From the side of a small network: our members would never call "
                "themselves platform workers, even when all their orders come "
                "through a messaging app. Questions that ask *how* customers "
                "reach you might catch more than questions about platforms.",
            ),
            (
                UNCTAD,
                "That matches what we see in e-commerce measurement. A short "
                "module on sales channels, asked of own-account workers, would "
                "link the two worlds. Happy to share the draft wording we test "
                "with statistical offices.",
            ),
        ],
    ),
    (
        "enabling-environment",
        "Legal frameworks for telework after 2020",
        ILO,
        "Many countries passed telework rules in a hurry during 2020 and 2021. "
        "Some were temporary; others are now permanent law.\n\n"
        "What do the lasting frameworks have in common? The points that come up "
        "most often are the right to disconnect, who pays for equipment and "
        "connection, health and safety at home, and whether telework must be "
        "voluntary. Which of these have worked in practice, and which stayed "
        "on paper?",
        [
            (
                MEMBER,
                "For very small employers the equipment question is the hard "
                "one. A rule that the employer pays for the connection is fair, "
                "but a shop with three staff cannot always afford it. Shared "
                "costs or a tax deduction would help them follow the law.",
            ),
            (
                UNCTAD,
                "There is also the cross-border side: people who work remotely "
                "for an employer in another country often fall between two "
                "systems of social protection. Few of the new laws say anything "
                "about that.",
            ),
        ],
    ),
    (
        "smes-finance",
        "Getting banks to lend to e-commerce SMEs",
        ITC,
        "Small firms that sell online often have good sales records but no "
        "collateral that a bank will accept. Their records sit with "
        "marketplaces and payment providers, not in audited accounts.\n\n"
        "Has anyone seen banks accept platform sales data as a basis for "
        "lending? What did it take: a partnership with the platform, a credit "
        "bureau, or something else?",
        [
            (
                MEMBER,
                "Two of our members got small loans from a microfinance "
                "institution after showing six months of mobile money "
                "statements. The bank in the same town refused them. The "
                "difference was a loan officer who knew how to read the "
                "statements.",
            ),
            (
                FACILITATOR,
                "Credit guarantee schemes are another route: the bank lends, and "
                "a public fund carries part of the risk for a first loan. The "
                "question for this forum is whether such schemes have been "
                "opened to firms whose main sales channel is online.",
            ),
            (
                ITC,
                "Good point about loan officers. Training credit staff to read "
                "platform and mobile money records may be a cheaper first step "
                "than new products. If anyone has course material, please "
                "share it here.",
            ),
            (
                UNCTAD,
                "Worth adding that data portability rules decide whether a "
                "seller can take their sales history to a lender at all. Where "
                "platforms must provide it in a standard format, this becomes "
                "much easier.",
            ),
        ],
    ),
    (
        "broadband",
        "Is shared rural broadband enough for online selling?",
        FACILITATOR,
        "Community networks and shared access points bring some connection to "
        "villages where no operator would invest. Is that connection good "
        "enough for a small business to sell online: uploading photos, "
        "answering customers, receiving payments? Or does e-business need "
        "individual broadband before it takes off?",
        [
            (
                ITC,
                "For the producers we work with, reliability matters more than "
                "speed. A slow connection that works every evening is enough to "
                "answer orders; one that fails for a week loses customers.",
            ),
            (
                MEMBER,
                "Our traders share one access point at the market. It works for "
                "messages and payments. Photos are the problem, so they take "
                "them in the village and upload when they visit town.",
            ),
        ],
    ),
    (
        "local-trade",
        "Selling to the next town: are domestic marketplaces worth it?",
        UNCTAD,
        "Most of the talk about e-commerce is about exports, yet for many small "
        "firms the first customers beyond their street are in the next town. "
        "National marketplaces and delivery services are growing in several "
        "countries.\n\n"
        "Do they help local supply chains, or do they mainly bring imported "
        "goods to more buyers?",
        [
            (
                MEMBER,
                "Delivery cost decides it for us. Sending a parcel to the next "
                "town can cost more than the goods, so buyers order only what "
                "they cannot find locally, and that is usually imported.",
            ),
            (
                ITC,
                "Grouping shipments helps: a marketplace that collects from "
                "several sellers in one town and sends one load can cut the "
                "cost per parcel a lot. It needs enough sellers in one place, "
                "which is where clusters and cooperatives come in.",
            ),
            (
                FACILITATOR,
                "This links well to the finance thread: lenders may trust a "
                "cluster that ships together more than a single seller. Worth "
                "following both discussions.",
            ),
        ],
    ),
]


@transaction.atomic
def load(*, stdout) -> None:
    """Load the demo threads; running it again changes nothing."""
    portal_demo.load_accounts()
    emails = [MEMBER, UNCTAD, ILO, ITC, FACILITATOR]
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    forums = {forum.slug: forum for forum in Forum.objects.all()}
    created = 0
    for forum_slug, title, author, body, replies in THREADS:
        forum = forums[forum_slug]
        if Thread.objects.filter(forum=forum, title=title).exists():
            continue
        thread = services.thread_create(
            forum=forum, author=users[author], title=title, body=body
        )
        for reply_author, reply_body in replies:
            services.post_create(
                thread=thread, author=users[reply_author], body=reply_body
            )
        created += 1
    stdout.write("Forums: %d demo threads added." % created)
