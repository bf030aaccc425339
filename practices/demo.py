"""Demo content for the practices database: real, publicly known initiatives.

Each is described in the portal's own words from well-known public facts,
without figures. A website is given only where it is certainly the
organisation's own. Initiatives that work worldwide are filed under
"Worldwide" (XW, a code reserved for user assignment, set in settings).
"""

from __future__ import annotations

from django.db import transaction

from portal import demo as portal_demo
from portal.models import StakeholderGroup, Theme, User
from practices.models import Practice
from practices.services import practice_approve, practice_submit

MEMBER_EMAIL = "member@example.org"
MODERATOR_EMAILS = {
    "unctad": "moderator.unctad@example.org",
    "ilo": "moderator.ilo@example.org",
    "itc": "moderator.itc@example.org",
}

# "reviewer" names the agency whose moderator approves it; None stays pending.
PRACTICES: list[dict] = [
    {
        "title": "M-Pesa",
        "summary": (
            "Mobile money in Kenya: people without a bank account send, receive "
            "and pay with a basic mobile phone, and change cash at local agents."
        ),
        "description": """\
M-Pesa is a mobile money service that Safaricom, Kenya's largest mobile
operator, launched in 2007, developed together with Vodafone.

A customer holds a small electronic account tied to a mobile phone number.
From the phone's menus, on any basic handset, the customer can send money to
another person, pay bills and pay shops. Cash goes in and out through a wide
network of agents, usually small shops, who exchange cash for electronic
value.

For people who have no bank account, the service turned the phone into a way
to pay and be paid at a distance. Small traders use it to take payments and
to pay suppliers. The model has since been taken up in several other
countries.
""",
        "themes": ["unbanked-payments", "smes-finance", "local-trade"],
        "countries": ["KE"],
        "organisation": "Safaricom",
        "stakeholder_group": "private-sector",
        "year_started": 2007,
        "website": "https://www.safaricom.co.ke",
        "reviewer": "unctad",
    },
    {
        "title": "M-Shwari",
        "summary": (
            "Savings and small loans offered through the M-Pesa menu in Kenya, "
            "with credit decisions based on how customers use mobile money."
        ),
        "description": """\
M-Shwari was launched in 2012 by Safaricom and the Commercial Bank of Africa.
It adds a bank savings account and small short-term loans to the M-Pesa
mobile money menu, so a customer can open and use it from a phone without
visiting a branch.

Instead of asking for collateral or a credit history, the bank decides on
loans using the customer's record with mobile money and the mobile network.
It shows how mobile money can become a route into wider financial services
for people and small businesses that banks did not reach before.
""",
        "themes": ["smes-finance", "unbanked-payments"],
        "countries": ["KE"],
        "organisation": "Safaricom and Commercial Bank of Africa",
        "stakeholder_group": "private-sector",
        "year_started": 2012,
        "website": "https://www.safaricom.co.ke",
        "reviewer": "unctad",
    },
    {
        "title": "bKash",
        "summary": (
            "Mobile financial services in Bangladesh: sending money, cash in and "
            "cash out through agents, and payments from a mobile phone."
        ),
        "description": """\
bKash started in Bangladesh in 2011 as a subsidiary of BRAC Bank, to bring
financial services to people who have no bank account but do have a mobile
phone.

Customers register an account linked to their phone number, add cash at an
agent, and can then send money to family members, pay merchants and bills,
and withdraw cash again at an agent. Sending money from towns to family in
rural areas is a common use.
""",
        "themes": ["unbanked-payments", "rural-poverty"],
        "countries": ["BD"],
        "organisation": "bKash Limited",
        "stakeholder_group": "private-sector",
        "year_started": 2011,
        "website": "https://www.bkash.com",
        "reviewer": "unctad",
    },
    {
        "title": "Grameen Village Phone",
        "summary": (
            "Rural women in Bangladesh borrow to buy a mobile phone and run a "
            "small business selling calls to their neighbours."
        ),
        "description": """\
The Village Phone programme began in Bangladesh in 1997, run by Grameen
Telecom together with the mobile operator Grameenphone.

A woman in a village, usually a borrower of Grameen Bank, takes a small loan
to buy a mobile phone and airtime. She then sells calls to people in her
village who have no phone of their own, and repays the loan from what she
earns.

The programme brought telephone access to villages that had none, and
offered rural women a business of their own built on a new technology. It is
often cited as an early example of microfinance and mobile telephony working
together.
""",
        "themes": ["gender", "rural-poverty", "smes-finance"],
        "countries": ["BD"],
        "organisation": "Grameen Telecom",
        "stakeholder_group": "private-sector",
        "year_started": 1997,
        "website": "",
        "reviewer": "ilo",
    },
    {
        "title": "e-Choupal",
        "summary": (
            "Village internet kiosks in India, run by local farmers, that give "
            "farmers market prices, weather and farming advice."
        ),
        "description": """\
e-Choupal was started in 2000 by ITC Limited, an Indian company (not to be
confused with the International Trade Centre), beginning with soybean
farmers in Madhya Pradesh.

In each village a computer with an internet connection is placed in the home
of a respected local farmer, who runs it for the community. Farmers can see
prices in local markets, weather forecasts and advice on farming practices,
and can choose to sell their crop directly to the company.

The project is widely studied as an example of a private company using ICTs
to link small rural producers to markets.
""",
        "themes": ["rural-poverty", "local-trade"],
        "countries": ["IN"],
        "organisation": "ITC Limited",
        "stakeholder_group": "private-sector",
        "year_started": 2000,
        "website": "https://www.itcportal.com",
        "reviewer": "itc",
    },
    {
        "title": "Reuters Market Light",
        "summary": (
            "Text messages to farmers in India with local crop prices, weather "
            "forecasts and advice, chosen for each farmer's crops and area."
        ),
        "description": """\
Reuters Market Light was launched by Thomson Reuters in 2007, first in the
Indian state of Maharashtra.

Farmers subscribe and receive text messages in their own language on an
ordinary mobile phone: prices in nearby markets for the crops they grow,
local weather forecasts, and advice on growing and protecting their crops.

It shows how information that used to reach farmers late, or only through
middlemen, can be delivered directly and cheaply, so that farmers can decide
when and where to sell.
""",
        "themes": ["rural-poverty", "content-ip", "local-trade"],
        "countries": ["IN"],
        "organisation": "Thomson Reuters",
        "stakeholder_group": "private-sector",
        "year_started": 2007,
        "website": "",
        "reviewer": "itc",
    },
    {
        "title": "Ajira Digital Programme",
        "summary": (
            "A Government of Kenya programme that helps young people find and do "
            "digital and online work."
        ),
        "description": """\
The Ajira Digital Programme was started in 2016 by the Government of Kenya,
through the ministry responsible for ICT. "Ajira" means "employment" in
Swahili.

The programme raises awareness of online and digital work among young
people, offers training in the skills that such work needs, and supports
places where young people can get connected and find mentors.

It treats online work as one answer to youth unemployment and links
government, private companies and training providers around that aim.
""",
        "themes": ["jobs-innovation", "enabling-environment"],
        "countries": ["KE"],
        "organisation": "Government of Kenya, Ministry of ICT",
        "stakeholder_group": "government",
        "year_started": 2016,
        "website": "",
        "reviewer": "ilo",
    },
    {
        "title": "Harambee Youth Employment Accelerator",
        "summary": (
            "A South African social enterprise that connects young people "
            "looking for their first job with employers who need entry-level "
            "workers."
        ),
        "description": """\
Harambee Youth Employment Accelerator was set up in South Africa in 2011 as
a not-for-profit social enterprise.

It works with young people who are out of work and have little or no work
experience, and with employers who find it hard to recruit for entry-level
jobs. Young people are assessed for their potential rather than only their
qualifications, prepared for work, and matched with suitable openings.

Data and digital tools help it reach young people at scale and match them to
opportunities, which makes it relevant to e-employment as well as to youth
employment policy.
""",
        "themes": ["jobs-innovation", "enabling-environment"],
        "countries": ["ZA"],
        "organisation": "Harambee Youth Employment Accelerator",
        "stakeholder_group": "civil-society",
        "year_started": 2011,
        "website": "https://harambee.co.za",
        "reviewer": "ilo",
    },
    {
        "title": "SheTrades",
        "summary": (
            "An International Trade Centre initiative that connects women "
            "entrepreneurs to markets, buyers and investors."
        ),
        "description": """\
SheTrades was launched in 2015 by the International Trade Centre (ITC), the
joint agency of the United Nations and the World Trade Organization, and
works worldwide.

It helps women-owned businesses take part in trade: an online platform where
they can present their businesses and connect with buyers, investors and one
another, training and coaching, and work with governments and companies on
policies and purchasing practices that open markets to women.
""",
        "themes": ["gender", "smes-finance"],
        "countries": ["XW"],
        "organisation": "International Trade Centre (ITC)",
        "stakeholder_group": "international-organisation",
        "year_started": 2015,
        "website": "https://www.shetrades.com",
        "reviewer": "itc",
    },
    {
        "title": "eTrade for all",
        "summary": (
            "A UNCTAD-led partnership that helps developing countries find the "
            "support they need to take part in e-commerce."
        ),
        "description": """\
eTrade for all was launched by UNCTAD in 2016 as a partnership of
international organisations and other partners. It works worldwide.

Its online platform brings together information on the assistance that
partners offer, so that developing countries can find help more easily. It
organises that help in seven policy areas: e-commerce readiness assessments
and strategies, ICT infrastructure and services, trade logistics and trade
facilitation, payment solutions, legal and regulatory frameworks, e-commerce
skills, and access to finance.
""",
        "themes": ["enabling-environment"],
        "countries": ["XW"],
        "organisation": "UNCTAD",
        "stakeholder_group": "international-organisation",
        "year_started": 2016,
        "website": "https://etradeforall.org",
        "reviewer": "unctad",
    },
    {
        "title": "UNCTAD eTrade Readiness Assessments",
        "summary": (
            "Country studies, mainly of least developed countries, that look at "
            "how ready a country is for e-commerce and recommend what to do."
        ),
        "description": """\
UNCTAD began its eTrade Readiness Assessments in 2017, at the request of
governments, mostly of least developed countries.

Each assessment looks at a country's situation across the policy areas of
the eTrade for all initiative, from infrastructure and payments to laws and
skills. It draws on consultations with government, businesses and other
stakeholders, and ends with recommendations and a plan of action.

The assessments are meant to help governments and their partners decide
where to act first.
""",
        "themes": ["enabling-environment"],
        "countries": ["XW"],
        "organisation": "UNCTAD",
        "stakeholder_group": "international-organisation",
        "year_started": 2017,
        "website": "https://unctad.org",
        "reviewer": "unctad",
    },
    {
        "title": "eTrade for Women",
        "summary": (
            "An UNCTAD initiative that supports women digital entrepreneurs in "
            "developing countries and brings their voice into policy."
        ),
        "description": """\
UNCTAD launched eTrade for Women in 2019, as part of its work on e-commerce
and the digital economy. It works in developing regions around the world.

Successful women digital entrepreneurs serve as advocates for the initiative.
They share their experience with other women founders, take part in training
sessions and networks for women running digital businesses, and speak in
policy discussions about what would help women in the digital economy.
""",
        "themes": ["gender", "jobs-innovation"],
        "countries": ["XW"],
        "organisation": "UNCTAD",
        "stakeholder_group": "international-organisation",
        "year_started": 2019,
        "website": "https://unctad.org",
        "reviewer": "unctad",
    },
    {
        "title": "Decent Jobs for Youth",
        "summary": (
            "A global initiative, led by the ILO, that brings partners together "
            "to act on youth employment, including digital skills for youth."
        ),
        "description": """\
Decent Jobs for Youth was launched in 2016 as a United Nations system-wide
initiative on youth employment, led by the International Labour
Organization. It works worldwide.

It brings together governments, social partners, businesses, civil society
and others who commit to action for young people's employment, and shares
knowledge about what works. Digital skills for youth is one of its thematic
priorities, alongside areas such as apprenticeships and youth
entrepreneurship.
""",
        "themes": ["jobs-innovation", "enabling-environment"],
        "countries": ["XW"],
        "organisation": "International Labour Organization (ILO)",
        "stakeholder_group": "international-organisation",
        "year_started": 2016,
        "website": "https://www.ilo.org",
        "reviewer": "ilo",
    },
    {
        "title": "EcoCash",
        "summary": (
            "Mobile money in Zimbabwe: transfers, payments and cash in and out "
            "through agents, from a mobile phone."
        ),
        "description": """\
EcoCash is a mobile money service launched in Zimbabwe in 2011 by Econet
Wireless, the country's largest mobile operator.

Customers use their phones to send money, pay for goods and services and pay
bills, and exchange cash through a network of agents. Like other mobile money
services, it reaches people who do not use banks.
""",
        "themes": ["unbanked-payments"],
        "countries": ["ZW"],
        "organisation": "Econet Wireless",
        "stakeholder_group": "private-sector",
        "year_started": 2011,
        "website": "",
        "reviewer": None,
    },
    {
        "title": "EQUALS Global Partnership",
        "summary": (
            "A global partnership working to close the gender gap in access to "
            "digital technology, in digital skills and in tech leadership."
        ),
        "description": """\
EQUALS, the Global Partnership for Gender Equality in the Digital Age, was
founded in 2016 by the International Telecommunication Union, UN Women, the
International Trade Centre, the GSM Association and the United Nations
University. It works worldwide.

Its partners work on three areas: women's and girls' access to digital
technology, their digital skills, and their place in leadership in the
technology sector. The partnership also gathers research on the gender
digital divide.
""",
        "themes": ["gender", "broadband"],
        "countries": ["XW"],
        "organisation": "EQUALS partnership (ITU, UN Women, ITC, GSMA, UNU)",
        "stakeholder_group": "international-organisation",
        "year_started": 2016,
        "website": "",
        "reviewer": None,
    },
]


def _demo_user(email: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        portal_demo.load_accounts()
        user = User.objects.get(email=email)
    return user


@transaction.atomic
def load(*, stdout) -> None:
    """Load the demo initiatives; running it again creates nothing new.

    Goes through the services, so descriptions are rendered and indexed, but
    sends no e-mail.
    """
    member = _demo_user(MEMBER_EMAIL)
    moderators = {
        agency: _demo_user(email) for agency, email in MODERATOR_EMAILS.items()
    }
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    groups = {group.slug: group for group in StakeholderGroup.objects.all()}
    existing = set(
        Practice.objects.filter(submitted_by=member).values_list("title", flat=True)
    )
    created = 0
    for item in PRACTICES:
        if item["title"] in existing:
            continue
        data = dict(item)
        reviewer = data.pop("reviewer")
        data["themes"] = [themes[slug] for slug in data["themes"]]
        data["stakeholder_group"] = groups[data["stakeholder_group"]]
        practice = practice_submit(submitted_by=member, **data)
        if reviewer:
            practice_approve(
                practice=practice, moderator=moderators[reviewer], notify=False
            )
        created += 1
    stdout.write(
        "Practices: %d created, %d already there." % (created, len(PRACTICES) - created)
    )
