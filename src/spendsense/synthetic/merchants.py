"""The merchants, employers and bank descriptions the generator draws from: data, not code.

Each entry is `(statement name, merchant_name or None, Plaid personal_finance_category.detailed,
payment_channel)`. Names are what a bank statement shows; `merchant_name` is Plaid's cleaned
name (None for bank-internal rows such as transfers and fees, whose merchant key is then the
normalized statement name). Recurring merchants and discretionary merchants never overlap, so
a shopping merchant can never merge into a subscription stream under the merchant-key rule.
"""

from __future__ import annotations

Row = tuple[str, str | None, str, str]

# Subscription-type services: (row, cadence, low cents, high cents). Phone, internet and
# insurance are "bills" but still count as subscription streams under docs/signals.md.
SERVICES: tuple[tuple[Row, str, int, int], ...] = (
    (("NETFLIX.COM", "Netflix", "ENTERTAINMENT_TV_AND_MOVIES", "online"), "monthly", 1549, 1549),
    (("HULU 877-8244858", "Hulu", "ENTERTAINMENT_TV_AND_MOVIES", "online"), "monthly", 799, 1799),
    (("DISNEY PLUS", "Disney+", "ENTERTAINMENT_TV_AND_MOVIES", "online"), "monthly", 999, 1399),
    (("SPOTIFY USA", "Spotify", "ENTERTAINMENT_MUSIC_AND_AUDIO", "online"), "monthly", 1199, 1699),
    (("APPLE.COM/BILL", "Apple", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "online"), "monthly", 299, 999),
    (("YOUTUBE PREMIUM", "YouTube Premium", "ENTERTAINMENT_TV_AND_MOVIES", "online"), "monthly", 1399, 2299),
    (("AUDIBLE ADBL", "Audible", "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS", "online"), "monthly", 1495, 1495),
    (("ADOBE *CREATIVE CLD", "Adobe", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "online"), "monthly", 2299, 5999),
    (("MICROSOFT*365", "Microsoft 365", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "online"), "monthly", 999, 1299),
    (("XBOX GAME PASS", "Xbox", "ENTERTAINMENT_VIDEO_GAMES", "online"), "monthly", 1099, 1999),
    (
        ("PLANET FITNESS CLUB FEE", "Planet Fitness", "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS", "other"),
        "monthly",
        1500,
        2499,
    ),
    (("PELOTON MEMBERSHIP", "Peloton", "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS", "online"), "monthly", 4400, 4400),
    (
        ("NYTIMES DIGITAL", "The New York Times", "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS", "online"),
        "monthly",
        400,
        2500,
    ),
    (("VERIZON WIRELESS PAYMENT", "Verizon", "RENT_AND_UTILITIES_TELEPHONE", "online"), "monthly", 6500, 11000),
    (("T-MOBILE AUTOPAY", "T-Mobile", "RENT_AND_UTILITIES_TELEPHONE", "online"), "monthly", 5000, 9500),
    (("COMCAST XFINITY", "Xfinity", "RENT_AND_UTILITIES_INTERNET_AND_CABLE", "online"), "monthly", 5500, 9000),
    (("SPECTRUM INTERNET", "Spectrum", "RENT_AND_UTILITIES_INTERNET_AND_CABLE", "online"), "monthly", 4999, 7999),
    (("GEICO AUTO INSURANCE", "GEICO", "GENERAL_SERVICES_INSURANCE", "online"), "monthly", 8500, 16000),
    (("LEMONADE INSURANCE", "Lemonade", "GENERAL_SERVICES_INSURANCE", "online"), "monthly", 1200, 2500),
    (("HELLOFRESH", "HelloFresh", "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK", "online"), "weekly", 5999, 8999),
    (("FACTOR75 MEALS", "Factor", "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK", "online"), "weekly", 6500, 9500),
    (("WAG WALKS WEEKLY", "Wag!", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "online"), "weekly", 2000, 3500),
)
NETFLIX_RISE_CENTS = 1799  # Netflix's new price from the middle of the history: a +16% one-off rise
BIG_SERVICE_CENTS = 4000  # a heavy subscriber has at least one service this large

# Monthly obligations that are recurring but never subscriptions (excluded by category).
RENT: tuple[Row, ...] = (
    ("MAPLE COURT APTS RENT", "Maple Court Apartments", "RENT_AND_UTILITIES_RENT", "other"),
    ("RIVERSTONE PROPERTY MGMT", "Riverstone Property Management", "RENT_AND_UTILITIES_RENT", "other"),
    ("OAKWOOD RESIDENTIAL RENT", "Oakwood Residential", "RENT_AND_UTILITIES_RENT", "other"),
    ("HARBOR VIEW LOFTS", "Harbor View Lofts", "RENT_AND_UTILITIES_RENT", "other"),
)
MORTGAGE: tuple[Row, ...] = (
    ("ROCKET MORTGAGE PMT", "Rocket Mortgage", "LOAN_PAYMENTS_MORTGAGE_PAYMENT", "other"),
    ("MR COOPER MORTGAGE", "Mr. Cooper", "LOAN_PAYMENTS_MORTGAGE_PAYMENT", "other"),
)
STUDENT_LOAN: tuple[Row, ...] = (
    ("NELNET STUDENT LOAN", "Nelnet", "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "other"),
    ("MOHELA STUDENT LN PMT", "MOHELA", "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "other"),
)
CAR_LOAN: tuple[Row, ...] = (
    ("TOYOTA FINANCIAL SVCS", "Toyota Financial Services", "LOAN_PAYMENTS_CAR_PAYMENT", "other"),
    ("ALLY AUTO PAYMENT", "Ally Auto", "LOAN_PAYMENTS_CAR_PAYMENT", "other"),
)
# Electricity is monthly but its amounts swing with the season: never a stable stream.
UTILITIES: tuple[Row, ...] = (
    ("DUKE ENERGY BILL PAY", "Duke Energy", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "online"),
    ("CON EDISON PAYMENT", "Con Edison", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "online"),
    ("PG&E WEB ONLINE", "PG&E", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "online"),
)

# Employers (payroll ACH, wording the payroll rule recognises) and income payers.
EMPLOYERS: tuple[str, ...] = (
    "Northwind Logistics",
    "Contoso Health",
    "Fabrikam Manufacturing",
    "Tailspin Airlines",
    "Woodgrove Bank",
    "Litware Software",
    "Adventure Works Cycles",
    "Proseware Retail",
    "Lucerne Publishing",
    "Wingtip Toys",
    "Alpine Ski House",
    "Coho Winery",
    "Trey Research",
    "Margie's Travel",
    "Blue Yonder Airlines",
    "Graphic Design Institute",
)
GIG: tuple[Row, ...] = (
    ("INSTACART SHOPPER PAY", "Instacart Shopper", "INCOME_OTHER_INCOME", "online"),
    ("TASKRABBIT EARNINGS", "TaskRabbit", "INCOME_OTHER_INCOME", "online"),
    ("SHIPT SHOPPER EARNINGS", "Shipt Shopper", "INCOME_OTHER_INCOME", "online"),
)
FREELANCE: tuple[Row, ...] = (
    ("UPWORK ESCROW INC", "Upwork", "INCOME_OTHER_INCOME", "online"),
    ("FIVERR INTL PAYOUT", "Fiverr", "INCOME_OTHER_INCOME", "online"),
    ("STRIPE CLIENT INVOICE", "Stripe", "INCOME_OTHER_INCOME", "online"),
)

# Discretionary spending per category: (events per month, share of the discretionary budget).
SPENDING: dict[str, tuple[float, float]] = {
    "groceries": (6.0, 0.3),
    "restaurants": (4.0, 0.12),
    "fast_food": (4.0, 0.06),
    "coffee": (5.0, 0.03),
    "gas": (3.0, 0.09),
    "rideshare": (1.5, 0.03),
    "online": (3.0, 0.1),
    "superstores": (2.0, 0.08),
    "clothing": (0.8, 0.04),
    "home": (0.6, 0.04),
    "health": (1.0, 0.04),
    "fun": (0.7, 0.03),
    "travel": (0.15, 0.04),
}
SPENDING_MERCHANTS: dict[str, tuple[Row, ...]] = {
    "groceries": (
        ("KROGER #0417", "Kroger", "FOOD_AND_DRINK_GROCERIES", "in store"),
        ("SAFEWAY STORE 1123", "Safeway", "FOOD_AND_DRINK_GROCERIES", "in store"),
        ("TRADER JOE'S #552", "Trader Joe's", "FOOD_AND_DRINK_GROCERIES", "in store"),
        ("WHOLEFDS MKT 10245", "Whole Foods Market", "FOOD_AND_DRINK_GROCERIES", "in store"),
        ("ALDI 64021", "Aldi", "FOOD_AND_DRINK_GROCERIES", "in store"),
        ("PUBLIX #1290", "Publix", "FOOD_AND_DRINK_GROCERIES", "in store"),
    ),
    "restaurants": (
        ("OLIVE GARDEN 0021", "Olive Garden", "FOOD_AND_DRINK_RESTAURANT", "in store"),
        ("CHILI'S GRILL & BAR", "Chili's", "FOOD_AND_DRINK_RESTAURANT", "in store"),
        ("THE CHEESECAKE FACTORY", "The Cheesecake Factory", "FOOD_AND_DRINK_RESTAURANT", "in store"),
        ("DD DOORDASH PANERA", "Panera Bread", "FOOD_AND_DRINK_RESTAURANT", "online"),
        ("UBER EATS", "Uber Eats", "FOOD_AND_DRINK_RESTAURANT", "online"),
    ),
    "fast_food": (
        ("MCDONALD'S F1234", "McDonald's", "FOOD_AND_DRINK_FAST_FOOD", "in store"),
        ("CHIPOTLE 2231", "Chipotle Mexican Grill", "FOOD_AND_DRINK_FAST_FOOD", "in store"),
        ("TACO BELL #30112", "Taco Bell", "FOOD_AND_DRINK_FAST_FOOD", "in store"),
        ("CHICK-FIL-A #0931", "Chick-fil-A", "FOOD_AND_DRINK_FAST_FOOD", "in store"),
    ),
    "coffee": (
        ("STARBUCKS STORE 08734", "Starbucks", "FOOD_AND_DRINK_COFFEE", "in store"),
        ("DUNKIN #345821", "Dunkin'", "FOOD_AND_DRINK_COFFEE", "in store"),
        ("PEET'S COFFEE 0112", "Peet's Coffee", "FOOD_AND_DRINK_COFFEE", "in store"),
    ),
    "gas": (
        ("SHELL OIL 57444", "Shell", "TRANSPORTATION_GAS", "in store"),
        ("CHEVRON 0094213", "Chevron", "TRANSPORTATION_GAS", "in store"),
        ("EXXONMOBIL 4471", "ExxonMobil", "TRANSPORTATION_GAS", "in store"),
    ),
    "rideshare": (
        ("UBER *TRIP", "Uber", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", "online"),
        ("LYFT *RIDE", "Lyft", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", "online"),
    ),
    "online": (
        ("AMAZON MKTPL*2K4", "Amazon", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", "online"),
        ("EBAY O*12-34567", "eBay", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", "online"),
        ("ETSY.COM", "Etsy", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", "online"),
    ),
    "superstores": (
        ("TARGET T-1446", "Target", "GENERAL_MERCHANDISE_SUPERSTORES", "in store"),
        ("WM SUPERCENTER #1700", "Walmart", "GENERAL_MERCHANDISE_SUPERSTORES", "in store"),
        ("COSTCO WHSE #0482", "Costco", "GENERAL_MERCHANDISE_SUPERSTORES", "in store"),
    ),
    "clothing": (
        ("TJMAXX #0655", "TJ Maxx", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", "in store"),
        ("OLD NAVY US 4412", "Old Navy", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", "in store"),
        ("UNIQLO USA", "Uniqlo", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", "online"),
    ),
    "home": (
        ("THE HOME DEPOT #6541", "The Home Depot", "HOME_IMPROVEMENT_HARDWARE", "in store"),
        ("LOWE'S #1187", "Lowe's", "HOME_IMPROVEMENT_HARDWARE", "in store"),
        ("BEST BUY 00011", "Best Buy", "GENERAL_MERCHANDISE_ELECTRONICS", "in store"),
    ),
    "health": (
        ("CVS/PHARMACY #10432", "CVS Pharmacy", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS", "in store"),
        ("WALGREENS #4410", "Walgreens", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS", "in store"),
        ("GREAT CLIPS #1020", "Great Clips", "PERSONAL_CARE_HAIR_AND_BEAUTY", "in store"),
    ),
    "fun": (
        ("AMC THEATRES 0412", "AMC Theatres", "ENTERTAINMENT_TV_AND_MOVIES", "in store"),
        ("TICKETMASTER", "Ticketmaster", "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS", "online"),
        ("STEAMGAMES.COM", "Steam", "ENTERTAINMENT_VIDEO_GAMES", "online"),
    ),
    "travel": (
        ("DELTA AIR LINES", "Delta Air Lines", "TRAVEL_FLIGHTS", "online"),
        ("SOUTHWEST AIRLINES", "Southwest Airlines", "TRAVEL_FLIGHTS", "online"),
        ("MARRIOTT HOTELS", "Marriott", "TRAVEL_LODGING", "in store"),
    ),
}

# Card issuers: (account name, official name, payment description on checking, on the card).
ISSUERS: tuple[tuple[str, str, str, str], ...] = (
    ("Platypus Cash Rewards", "Platypus Bank Cash Rewards Visa", "PLATYPUS CARD AUTOPAY", "PLATYPUS PAYMENT THANK YOU"),
    (
        "Summit Everyday Card",
        "Summit Credit Union Everyday Mastercard",
        "SUMMIT CU CARD PMT",
        "SUMMIT PAYMENT RECEIVED",
    ),
    ("Harbor Travel Card", "Harbor Bank Travel Rewards Visa", "HARBOR BANK CRD EPAY", "HARBOR ONLINE PAYMENT CREDIT"),
)

# Bank-internal rows: no merchant, so the merchant key is the normalized name.
ATM_WITHDRAWAL: Row = ("ATM WITHDRAWAL 7-ELEVEN", None, "TRANSFER_OUT_WITHDRAWAL", "in store")
TO_SAVINGS: Row = ("ONLINE TRANSFER TO SAVINGS", None, "TRANSFER_OUT_SAVINGS", "online")
FROM_CHECKING: Row = ("ONLINE TRANSFER FROM CHECKING", None, "TRANSFER_IN_SAVINGS", "online")
TO_CHECKING: Row = ("ONLINE TRANSFER TO CHECKING", None, "TRANSFER_OUT_ACCOUNT_TRANSFER", "online")
FROM_SAVINGS: Row = ("ONLINE TRANSFER FROM SAVINGS", None, "TRANSFER_IN_ACCOUNT_TRANSFER", "online")
INTEREST: Row = ("INTEREST CHARGE ON PURCHASES", None, "BANK_FEES_INTEREST_CHARGE", "other")
OVERDRAFT: Row = ("OVERDRAFT ITEM FEE", None, "BANK_FEES_OVERDRAFT_FEES", "other")
NSF: Row = ("INSUFFICIENT FUNDS RETURNED ITEM FEE", None, "BANK_FEES_INSUFFICIENT_FUNDS", "other")
LATE: Row = ("LATE PAYMENT FEE", None, "BANK_FEES_LATE_FEES", "other")
SERVICE_FEE: Row = ("MONTHLY MAINTENANCE FEE", None, "BANK_FEES_OTHER_BANK_FEES", "other")
ATM_FEE: Row = ("NON-NETWORK ATM FEE", None, "BANK_FEES_ATM_FEES", "other")
ESTIMATED_TAX: Row = ("IRS USATAXPYMT ESTIMATED", "IRS", "GOVERNMENT_AND_NON_PROFIT_TAX_PAYMENT", "online")

# A sole proprietor's business checking: kept and marked, never part of personal analysis.
BUSINESS_IN: Row = ("SQUARE INC DEPOSIT", "Square", "TRANSFER_IN_DEPOSIT", "other")
BUSINESS_OUT: tuple[Row, ...] = (
    ("GOOGLE *WORKSPACE", "Google Workspace", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "online"),
    ("ULINE SHIP SUPPLIES", "Uline", "GENERAL_MERCHANDISE_OFFICE_SUPPLIES", "online"),
    ("USPS PO 0432", "USPS", "GENERAL_SERVICES_POSTAGE_AND_SHIPPING", "in store"),
)

FIRST_NAMES: tuple[str, ...] = (
    "Avery", "Jordan", "Riley", "Morgan", "Casey", "Taylor", "Quinn", "Rowan", "Sage", "Emerson",
    "Harper", "Jamie", "Kendall", "Logan", "Parker", "Reese", "Skyler", "Dakota", "Hayden", "Peyton",
    "Maria", "Wei", "Aisha", "Mateo", "Priya", "Kofi", "Yuki", "Elena", "Omar", "Lucia",
)  # fmt: skip
LAST_NAMES: tuple[str, ...] = (
    "Alvarez", "Brooks", "Chen", "Diallo", "Ellis", "Fischer", "Garcia", "Hughes", "Ibrahim", "Jensen",
    "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Patel", "Quintero", "Rossi", "Schmidt", "Tran",
    "Underwood", "Vasquez", "Walsh", "Xu", "Yilmaz", "Zimmerman",
)  # fmt: skip
