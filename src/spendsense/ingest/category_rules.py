"""The categorizer's data: (direction, regex, Plaid personal_finance_category.detailed, merchant name).

First match wins, so the order is the logic: fees before the merchants named inside fee
descriptions ("OVERDRAFT FEE ... Hulu"), income and loans before the merchants that also pay
people ("Uber Payout" is income, "Uber 0725 SF POOL" a ride), own-account transfers before
everything else. Direction: "out" (amount > 0, Plaid's sign), "in" (amount < 0) or "any";
a merchant rule is "any" because money back from a merchant is a refund in that category.
The merchant name, when given, is the canonical one recurring detection groups by.
"""

from __future__ import annotations

Rule = tuple[str, str, str, str | None]

FEES: tuple[Rule, ...] = (
    ("any", r"\bNSF\b|insufficient funds|returned item", "BANK_FEES_INSUFFICIENT_FUNDS", None),
    ("any", r"overdraft|courtesy pay|\bODP\b|\bOD (fee|charge)", "BANK_FEES_OVERDRAFT_FEES", None),
    ("any", r"\blate (fee|charge)|late payment fee", "BANK_FEES_LATE_FEES", None),
    ("out", r"interest charge|finance charge", "BANK_FEES_INTEREST_CHARGE", None),
    ("any", r"\bATM\b.*\bfee\b|\bATM FEE|atm balance inquiry", "BANK_FEES_ATM_FEES", None),
    (
        "any",
        r"(international|foreign) (transaction|service) (fee|assessment)|international service fee",
        "BANK_FEES_FOREIGN_TRANSACTION_FEES",
        None,
    ),
    (
        "any",
        r"\b(monthly|maintenance|service|wire|tran) fee\b|fee reversal|fee rfnd",
        "BANK_FEES_OTHER_BANK_FEES",
        None,
    ),
)

INCOME: tuple[Rule, ...] = (
    (
        "in",
        r"interest (earned|payment|deposit|paid)|credit interest|intrst pymnt|bank interest",
        "INCOME_INTEREST_EARNED",
        None,
    ),
    ("in", r"dividend", "INCOME_DIVIDENDS", None),
    ("in", r"tax ?ref|taxrfd|tpg products|republic trs", "INCOME_TAX_REFUND", None),
    ("in", r"unemploy|uemploymen|\bDOL UI\b", "INCOME_UNEMPLOYMENT", None),
    ("in", r"social security|\bSSA\b|soc sec|pension|retirement", "INCOME_RETIREMENT_PENSION", None),
    ("in", r"payroll|direct dep|\bdir dep|salary|paycheck|quickbooks|\bgusto\b", "INCOME_WAGES", None),
    (
        "in",
        r"\b(uber|lyft|doordash|instacart)\b.*\b(payout|payment|pmnt rcvd)|self payout",
        "INCOME_OTHER_INCOME",
        None,
    ),
    ("in", r"child support|alimony|va benef|\btreas\b", "INCOME_OTHER_INCOME", None),
)

LOANS: tuple[Rule, ...] = (
    (
        "out",
        r"credit card.*payment|credit card \d+ payment|\bcrd autopay|automatic payment - thank|\bepayment\b"
        r"|american express.*(ach pmt|payment)|credit one bank payment|mastercard - payment|\bauto pymt\b",
        "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
        None,
    ),
    ("out", r"mortgage|\bmtg\b|\bln srv\b", "LOAN_PAYMENTS_MORTGAGE_PAYMENT", None),
    (
        "out",
        r"student (loan|ln)|navient|great lakes|nelnet|mohela|sallie mae",
        "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT",
        None,
    ),
    ("out", r"auto loan|car payment|bridgecrest", "LOAN_PAYMENTS_CAR_PAYMENT", None),
    ("out", r"afterpay|quadpay|zip\.co|\bklarna\b|\baffirm\b", "LOAN_PAYMENTS_OTHER_PAYMENT", None),
    (
        "out",
        r"sunshine ?loan|creditninja|moneykey|credit fresh|emoneyusa|sba loan|earnin|brigit|\bdave inc\b|\balbert\b"
        r"|\bempower\b|klover|power finance",
        "LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT",
        None,
    ),
    (
        "in",
        r"sunshine ?loan|brigit|earnin|\bdave inc\b|klover|instacash|power finance|advance|empower loans"
        r"|transfer from loan account|\bmoneylion\b|\balbert\b",
        "TRANSFER_IN_CASH_ADVANCES_AND_LOANS",
        None,
    ),
)

# Rides paid through PayPal or a card are still rides, so they come before the transfer rules.
RIDES: tuple[Rule, ...] = (
    ("any", r"\buber\b", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", "Uber"),
    ("any", r"\blyft\b", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", "Lyft"),
)

TRANSFERS: tuple[Rule, ...] = (
    (
        "out",
        r"schwab|brokerage|vanguard|fidelity|robinhood|coinbase|acorns later|betterment|wealthfront",
        "TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS",
        None,
    ),
    (
        "out",
        r"(transfer|xfer) to .*\b(sav|savings)\b|to sav\b|keep the change|round ?up|digit\.co|rainy day",
        "TRANSFER_OUT_SAVINGS",
        None,
    ),
    ("out", r"atm w/?d|atm withdrawal|cash e?withdrawal|withdrawal in branch", "TRANSFER_OUT_WITHDRAWAL", None),
    (
        "out",
        r"(transfer|xfer) to|\bto (checking|chk|ck)\b|wire (transfer|out)|\bzelle\b|\bvenmo\b|cash app|paypal",
        "TRANSFER_OUT_ACCOUNT_TRANSFER",
        None,
    ),
    ("in", r"from .*\b(sav|savings)\b|wayxsave", "TRANSFER_IN_SAVINGS", None),
    (
        "in",
        r"transfer|\bxfer\b|\btfr\b|wire|\bfedwire\b|\bWT (FED|ORG)|real time payment|zelle|\bfrom checking\b"
        r"|round-?up|added to pot|cash app|venmo|credit builder|brex|send money",
        "TRANSFER_IN_ACCOUNT_TRANSFER",
        None,
    ),
    ("in", r"deposit", "TRANSFER_IN_DEPOSIT", None),
)

MERCHANTS: tuple[Rule, ...] = (
    ("any", r"rent payment|\brent\b", "RENT_AND_UTILITIES_RENT", None),
    ("any", r"entergy|con ?ed\b|pg&e|duke energy|electric|edison", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", None),
    ("any", r"water (utl|works|utility|dept)", "RENT_AND_UTILITIES_WATER", None),
    ("any", r"\bAT&?T\b|\bATT\*|sprint|verizon|t-mobile|wireless", "RENT_AND_UTILITIES_TELEPHONE", None),
    ("any", r"comcast|xfinity|spectrum", "RENT_AND_UTILITIES_INTERNET_AND_CABLE", None),
    (
        "any",
        r"insurance|\bins prem|farmers ins|geico|state farm|allstate|prog county mut|hiscox|united healthcar",
        "GENERAL_SERVICES_INSURANCE",
        None,
    ),
    (
        "any",
        r"\bIRS\b|usataxpymt|tax pymt|tax impoun|adp tax|labor&industries",
        "GOVERNMENT_AND_NON_PROFIT_TAX_PAYMENT",
        None,
    ),
    ("any", r"city cnty|city of|county of", "GOVERNMENT_AND_NON_PROFIT_GOVERNMENT_DEPARTMENTS_AND_AGENCIES", None),
    ("any", r"whole foods", "FOOD_AND_DRINK_GROCERIES", "Whole Foods Market"),
    (
        "any",
        r"grocery|groceries|supermarket|trader joe|safeway|kroger|\baldi\b|publix",
        "FOOD_AND_DRINK_GROCERIES",
        None,
    ),
    ("any", r"starbucks", "FOOD_AND_DRINK_COFFEE", "Starbucks"),
    ("any", r"dunkin|coffee|donut|\bcafe\b", "FOOD_AND_DRINK_COFFEE", None),
    ("any", r"mcdonald", "FOOD_AND_DRINK_FAST_FOOD", "McDonald's"),
    ("any", r"\bKFC\b|chick-fil-a|burger king|wendy'?s|taco bell|chipotle|popeyes", "FOOD_AND_DRINK_FAST_FOOD", None),
    ("any", r"restaurant|grill|bistro|diner|doordash|grubhub|gather & gather", "FOOD_AND_DRINK_RESTAURANT", None),
    ("any", r"wine|liquor|spirits", "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR", None),
    ("any", r"\bvend\b|vending|snack soda", "FOOD_AND_DRINK_VENDING_MACHINES", None),
    ("any", r"7-eleven", "GENERAL_MERCHANDISE_CONVENIENCE_STORES", "7-Eleven"),
    ("any", r"\bshell\b|chevron|exxon|\bmobil\b|sunoco|valero|gas station|\bfuel\b", "TRANSPORTATION_GAS", None),
    ("any", r"\bMTA\b|njt rail|\bbart\b|transit|paygo", "TRANSPORTATION_PUBLIC_TRANSIT", None),
    ("any", r"parking", "TRANSPORTATION_PARKING", None),
    ("any", r"car ?wash|auto repair|jiffy lube|autozone", "GENERAL_SERVICES_AUTOMOTIVE", None),
    ("any", r"united airlines", "TRAVEL_FLIGHTS", "United Airlines"),
    ("any", r"airline|american air|\bdelta air|southwest|jetblue|spirit infl", "TRAVEL_FLIGHTS", None),
    ("any", r"airbnb|hotel|marriott|hilton|motel", "TRAVEL_LODGING", None),
    ("any", r"netflix", "ENTERTAINMENT_TV_AND_MOVIES", "Netflix"),
    ("any", r"hulu|disney\+|\bhbo\b|peacock|paramount|cinemark|cinema|\bOTT\*", "ENTERTAINMENT_TV_AND_MOVIES", None),
    ("any", r"spotify|pandora|sirius", "ENTERTAINMENT_MUSIC_AND_AUDIO", None),
    ("any", r"nintendo|playstation|xbox|steam ?games", "ENTERTAINMENT_VIDEO_GAMES", None),
    ("any", r"draftkings|fanduel|casino|chumba|pulsz|lottery", "ENTERTAINMENT_CASINOS_AND_GAMBLING", None),
    ("any", r"stadium|\bstadm\b|ticketmaster", "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS", None),
    ("any", r"planet fit|\bgym\b|fitness|climbing|\bymca\b", "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS", None),
    ("any", r"\bspa\b|salon|barber|beauty|ideal image", "PERSONAL_CARE_HAIR_AND_BEAUTY", None),
    ("any", r"laundr|dry clean", "PERSONAL_CARE_LAUNDRY_AND_DRY_CLEANING", None),
    ("any", r"dental|dentist|orthodont", "MEDICAL_DENTAL_CARE", None),
    ("any", r"\beye\b|optometr|optical", "MEDICAL_EYE_CARE", None),
    ("any", r"animal hosp|veterinar|\bvet\b", "MEDICAL_VETERINARY_SERVICES", None),
    ("any", r"walgreens|\bcvs\b|rite aid|pharmacy", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS", None),
    ("any", r"physical therapy|clinic|medical|hospital|urgent care", "MEDICAL_PRIMARY_CARE", None),
    ("any", r"chewy|petco|petsmart", "GENERAL_MERCHANDISE_PET_SUPPLIES", None),
    ("any", r"amazon web services|\baws\b", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "Amazon Web Services"),
    ("any", r"amazon|\bamzn\b", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", "Amazon"),
    ("any", r"walmart|wm supercenter|\btarget\b|costco|sam'?s club", "GENERAL_MERCHANDISE_SUPERSTORES", None),
    ("any", r"kohl'?s|macy'?s|nordstrom|jcpenney", "GENERAL_MERCHANDISE_DEPARTMENT_STORES", None),
    ("any", r"\bH&M", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", "H&M"),
    ("any", r"old navy|\bzara\b|tj ?maxx", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", None),
    ("any", r"dollar ?tree|dollartre|dollar general", "GENERAL_MERCHANDISE_DISCOUNT_STORES", None),
    ("any", r"sportsman|sporting goods|bicycle|bike shop", "GENERAL_MERCHANDISE_SPORTING_GOODS", None),
    ("any", r"\bbooks?\b|barnes", "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS", None),
    ("any", r"best buy|sparkfun|electronics", "GENERAL_MERCHANDISE_ELECTRONICS", None),
    ("any", r"home depot|lowe'?s|hardware", "HOME_IMPROVEMENT_HARDWARE", None),
    ("any", r"mosquito|pest control|lawn|plumb", "HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE", None),
    ("any", r"storage", "GENERAL_SERVICES_STORAGE", None),
    ("any", r"\bISD\b|tuition|school|university", "GENERAL_SERVICES_EDUCATION", None),
    ("any", r"legalshield|attorney|\blaw\b", "GENERAL_SERVICES_CONSULTING_AND_LEGAL", None),
    ("any", r"subscription acorns|intuit", "GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING", None),
    ("any", r"twilio|typeform|hubspot|calendly|linkedin|\bgusto\b", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", None),
    ("any", r"donation|charity|church", "GOVERNMENT_AND_NON_PROFIT_DONATIONS", None),
)

RULES: tuple[Rule, ...] = FEES + INCOME + LOANS + RIDES + TRANSFERS + MERCHANTS

# Money movements have no shopping channel; Plaid reports them as "other".
NO_CHANNEL_PRIMARIES = ("INCOME", "TRANSFER_IN", "TRANSFER_OUT", "LOAN_PAYMENTS", "BANK_FEES")

# A refund or reversal from no known merchant is money back on spending, not a deposit.
REFUND_PATTERN = r"refund|\brfnd\b|\breturn\b|reversal|\(credit\)"
UNKNOWN_OUTFLOW = "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE"
UNKNOWN_INFLOW = "TRANSFER_IN_DEPOSIT"

PRIMARIES = (
    "INCOME",
    "TRANSFER_IN",
    "TRANSFER_OUT",
    "LOAN_PAYMENTS",
    "BANK_FEES",
    "ENTERTAINMENT",
    "FOOD_AND_DRINK",
    "GENERAL_MERCHANDISE",
    "HOME_IMPROVEMENT",
    "MEDICAL",
    "PERSONAL_CARE",
    "GENERAL_SERVICES",
    "GOVERNMENT_AND_NON_PROFIT",
    "TRANSPORTATION",
    "TRAVEL",
    "RENT_AND_UTILITIES",
)
