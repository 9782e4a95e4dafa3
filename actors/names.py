"""Word lists that tell people, organizations and places apart. Pure Python: no Django.

The lists are deliberately small and general (English news usage): they say which
capitalised words are titles, common words, places or organisation heads, and which
first names are usually male or female (for "he said" / "she said").
"""

import os
import re
import unicodedata
from functools import cache, lru_cache

import gender_guesser


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Return the lookup key of a name: case-, accent-, dot-, space- and apostrophe-insensitive."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
        name = name.replace("’", "'").replace("‘", "'")
    return " ".join(name.casefold().replace(".", " ").split())


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrase_list(text: str) -> list[str]:
    return [p.strip() for p in text.split("|") if p.strip()]


def _phrases(text: str) -> frozenset[str]:
    return frozenset(p.casefold() for p in _phrase_list(text))


def _aliases(text: str) -> dict[str, str]:
    """Map each "Name" or "Alias=Name" of a "|"-separated list from its key to the name."""
    pairs = (p.partition("=") for p in _phrase_list(text))
    return {key.casefold(): name or key for key, _, name in pairs}


# Honorifics that precede a name ("Mr. Waltz", "Sen. Bernie Sanders"); the dot is optional.
HONORIFICS = words(
    "Mr Mrs Ms Miss Mx Dr Sen Rep Gov Rev Gen Lt Col Sgt Capt Maj Adm Prof Sir Dame"
    " Lord Lady Hon Amb Atty Cmdr Cpl Pvt Supt Insp Det Pres Sec Fr Msgr Brig Ret"
)
FEMALE_HONORIFICS = words("Mrs Ms Miss Dame Lady")
MALE_HONORIFICS = words("Mr Sir Lord Fr")

# Capitalised words that make up a job title before a name ("Deputy Foreign Minister").
TITLE_WORDS = words(
    "President Vice Secretary Minister Prime Deputy Foreign Chancellor Senator Senate"
    " Representative Congressman Congresswoman Governor Lieutenant Mayor Speaker Leader"
    " Majority Minority Whip Chairman Chairwoman Chair Chairperson Director Chief"
    " Commissioner Attorney General Justice Judge Ambassador Envoy Adviser Advisor"
    " National Security State Defense Defence Treasury Homeland Interior Commerce"
    " Labor Energy Education Health Affairs Press Spokesman Spokeswoman Spokesperson"
    " King Queen Prince Princess Kaiser Emperor Empress Tsar Tsarina Sultan Pope"
    " Archbishop Bishop Cardinal Rabbi Imam Sheriff"
    " Officer Detective Sergeant Colonel Captain Major Admiral Commander Marshal"
    " Retired Former First Lady Executive Assistant Associate Special Counsel"
    " Inspector Superintendent Professor Host Anchor CEO CFO COO Founder Coach Senior"
    " Fellow Economist Analyst Reporter Correspondent Editor Columnist Strategist"
    " Pollster Nominee Candidate Manager Staff Officer Sen. Rep. Gov. Gen. Lt. Col."
    " Sgt. Capt. Maj. Adm. Rev. Dr. Prof. Atty. Supt. Insp. Det. Amb. Hon. Gov"
    " Sen Rep Gen Lt Col Sgt Capt Maj Adm Rev Dr Prof Cmdr Cmdr. Brig. Brig"
    " Councilman Councilwoman Councillor Alderman Premier Emir Sheikh Chancellor"
    " Comptroller Auditor Treasurer Clerk Trustee Dean Provost Rector Pastor Father"
    " Reverend Deacon Elder Publisher Producer Director-General Secretary-General"
    " Ex-President Ex Acting Interim Presidential Democratic Republican Independent"
    " Libertarian Lawmaker Activist Commentator Attorney-General Undersecretary"
    " Under Minister-President Vice-President Vice-Chairman Cochairman Co-Chair"
    " Co-Founder Cofounder Regent Ayatollah Grand Field Mr Mrs Ms Mr. Mrs. Ms. Miss"
    " Prosecutor Solicitor Barrister Magistrate Coroner Constable Trooper Warden"
    " Librarian Principal Administrator Referee Umpire Labour Supervisor"
)
TITLE_CONNECTORS = words("of for on the and")
# Title words that only qualify the title's head ("National Security Adviser").
TITLE_MODIFIERS = words(
    "National State Foreign Security Former Retired First Democratic Republican"
    " Presidential Independent Libertarian Senior Executive Acting Interim Grand Field"
    " Special Under Ex Press Health Labor Energy Education Commerce Interior Homeland"
    " Treasury Defense Defence Affairs Staff Senate Labour"
)

# How a job title maps onto the nouns a story uses for the person ("the senator said").
TITLE_NOUNS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "rev": "reverend",
    "dr": "doctor",
    "prof": "professor",
    "amb": "ambassador",
    "atty": "attorney",
}

GENERATION_SUFFIXES = words("Jr Jr. Sr Sr. II III IV")

# Capitalised words that are not names even though they start a capitalised run
# (sentence openers, pronouns, weekdays, months, news furniture).
COMMON_WORDS = words(
    "The A An In On At But And Or Nor While As If When Whenever After Before Since Some"
    " Many Most Much More Less Few Several Each Every Any All Both Either Neither This"
    " That These Those Yes No Not So Then However Meanwhile Interestingly Also Even"
    " Just Only Still Our Their His Her Its My Your We I He She They It You Why What"
    " How Who Whom Whose Where Which Dear Despite During Following For From Among"
    " Asked Under Over Unlike With Without Like Though Although Because Whether Give"
    " Listen Follow Need Imagine Visit Check Play Now Here There Today Tonight"
    " Yesterday Tomorrow Last Next Another Other Others Such Perhaps Maybe Indeed"
    " Instead Thus Hence Therefore Moreover Furthermore Additionally Finally Later"
    " Earlier Again Already Never Always Often Sometimes Once Twice About Above Across"
    " Against Along Around Behind Below Beneath Beside Between Beyond By Down Inside"
    " Into Near Off Onto Out Outside Past Through Throughout To Toward Towards Up Upon"
    " Via Within Let Lets Please Thank Thanks Sorry Hello Hi Oh Well Okay OK Look See"
    " Seriously Obviously Clearly Sadly Fortunately Unfortunately Ultimately Overall"
    " Read Watch Sign Subscribe Click Share Email Editor Editors Note Update Updated"
    " Correction Related Source Sources Breaking Social Opinion Letters"
    " Letter Advertisement Photo Video Image Getty Images Reporting Additional"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March"
    " April May June July August September October November December Jan Feb Mar Apr"
    " Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun"
    " Day Week Month Year Election Christmas Easter Thanksgiving Halloween Independence"
    " Labor Memorial Veterans Super Tuesday Twenty Thirty Forty Fifty Sixty Seventy"
    " Eighty Ninety Hundred Thousand Million Billion One Two Three Four Five Six Seven"
    " Eight Nine Ten Eleven Twelve First Second Third Fourth Fifth Sixth Seventh Eighth"
    " Ninth Tenth Many  Old Big Great Good Bad Top  Minor Key Main  "
    "    Internet Web Online     "
    "  Private Political Presidential Economic   Fair Real True"
    " False Little Crooked Lyin Nasty Sleepy Several Those Everyone Everybody Someone"
    " Somebody Anyone Anybody Nobody Nothing Something Everything Anything Whatever"
    " Whoever Wherever Mostly Nearly Almost Roughly About Approximately Only Just"
    " Americans   Lawsuit Law Act  Amendment Treaty Accord Agreement"
    " Plan Policy Tax Taxes  Foreign Deals Give Pls LOL OMG Wow Hey Yeah"
    " Nope Sure Fine Stop Show Fill Sell Get Be Keep Make Take Go Come Do Does Did"
    " Is Are Was Were Has Have Had Will Would Can Could Should Shall Must Might May"
    " Repeats Preys Calls Filed Ran Keeps Lacks Had Gender-based Gender Voter Voters"
    "  Officials Official Investigators Observers Analysts Critics Supporters"
    "  Polls Poll Survey Recent Uncertainty Outlooks Labor Manufacturing "
    " Uncertainty Trump-Pence Born Founded"
    # A market report's opener: "Shares of Acme Holdings fell" (the company follows).
    " Shares"
)

# Nationality and other demonym adjectives: never actors on their own.
NATIONALITIES = words(
    "American Russian Ukrainian British English Scottish Welsh Irish French German"
    " Italian Spanish Portuguese Dutch Belgian Swiss Austrian Polish Czech Slovak"
    " Hungarian Romanian Bulgarian Greek Turkish Swedish Norwegian Danish Finnish"
    " Icelandic Estonian Latvian Lithuanian Belarusian Moldovan Georgian Armenian"
    " Azerbaijani Kazakh Uzbek Chinese Japanese Korean North South Taiwanese Vietnamese"
    " Thai Indian Pakistani Afghan Iranian Iraqi Syrian Lebanese Israeli Palestinian"
    " Jordanian Saudi Emirati Qatari Yemeni Omani Kuwaiti Egyptian Libyan Tunisian"
    " Algerian Moroccan Sudanese Ethiopian Somali Kenyan Nigerian Ghanaian"
    " Congolese Angolan Zimbabwean Canadian Mexican Cuban Venezuelan Colombian"
    " Brazilian Argentine Argentinian Chilean Peruvian Bolivian Ecuadorian Haitian"
    " Australian Zealand Filipino Indonesian Malaysian Singaporean Burmese Bangladeshi"
    " Sri Lankan Nepali Serbian Croatian Bosnian Albanian Macedonian Slovenian"
    " Kosovar Montenegrin European African Asian Latin Arab Arabic Hispanic Latino"
    " Latina Western Eastern Northern Southern Middle Soviet Muslim Christian Jewish"
    " Catholic Protestant Evangelical Sunni Shiite Shia Kurdish Persian Swedish"
    " Mexican-American African-American Asian-American Native Caribbean Balkan"
    " Baltic Nordic Scandinavian Atlantic Pacific Gulf Transatlantic Islamic"
    # Demonym nouns for one person: "the Scot said", "said the Swede".
    " Scot Swede Briton Pole Serb Croat Turk Kiwi Aussie Frenchman"
    " Frenchwoman Englishman Englishwoman Irishman Irishwoman Scotsman Scotswoman"
    " Welshman Welshwoman Dutchman Dutchwoman Spaniard Norwegian"
)

# Plural nouns for groups of people ("Democrats", "Muslims").
GROUP_WORDS = words(
    "Democrats Republicans Libertarians Conservatives Liberals Progressives"
    " Independents Muslims Christians Jews Catholics Evangelicals Mormons Hindus"
    " Sikhs Buddhists Mexicans Americans Russians Ukrainians Europeans Latinos"
    " Hispanics Africans Asians Arabs Israelis Palestinians Kurds Syrians Iraqis"
    " Iranians Chinese Britons Germans Canadians Cubans Millennials Boomers"
    " Tories Socialists Communists"
)

# A run that ends in one of these names an organization ("Justice Department").
ORG_HEADS = words(
    "Party Committee Commission Department Council Association Federation Union"
    " Roundtable Forum Conference Convention Syndicate Guild Consortium Institute"
    " Center Centre Institute University College School Elementary Academy Foundation Fund"
    " Bank Board Bureau Agency Administration Service Services Office Ministry"
    " Court Congress Parliament Assembly Company Co Co. Corp Corp. Corporation Inc"
    " Inc. Ltd Ltd. LLC Group Times Post Journal News Tribune Herald Gazette Daily"
    " Network Press Reuters Broadcasting Radio Television TV Magazine Review Weekly"
    " Campaign Church Army Navy Force Forces Guard Police Reserve Club League"
    " Society Organization Organisation Coalition Alliance Caucus Cabinet Authority"
    " Trust Institution Industries Holdings Partners Airlines Airways Motors"
    " Systems Technologies Media Studios Records Pictures Entertainment Project"
    " Initiative Program Programme Council Secretariat Directorate Tribunal"
    " Commission Chamber Exchange Enterprises Capital Insight Consult Research"
    " Lab Labs Laboratory Hospital Clinic Museum Library Zoo Team PAC Victory Bloc"
    " Front Movement Brotherhood Cartel Corps Guardian Observer Independent Telegraph"
    " Mail Express Mirror Standard Star Sun Chronicle Examiner Inquirer Enquirer"
    " Register Sentinel Courier Dispatch Bulletin Monitor Observer Economist"
    " Politico Financial Watch Globe Republic Journalism Polling Nation Atlantic"
    " Reports Network Channel Agency Bureau Commission Cooperative Collective Trust"
    " International Worldwide Pharmaceuticals Solutions Ventures Workers"
    " Foods Brands Insurance Logistics Software Steel"
    # Company names: sector words and the suffixes of firms and funds.
    " Energy Oil Gas Petroleum Resources Mining Electric Utilities Telecom"
    " Communications Pharma Therapeutics Biotech Markets Economics Analytics Global"
    " Biotechnology"
    " Securities Investments Investors Advisors Advisers Management Associates Division"
    " Municipality Institutet Institut Instituut Universität Université Universidad"
    " Observatory Macroeconomics Aircraft Aerospace"
    # Football clubs: "Newcastle United", "Bolton Wanderers".
    " United Rovers Athletic Wanderers Albion Hotspur"
    # Company legal suffixes in many languages: "Acme GmbH", "Acme SpA", "Acme Oyj".
    " plc PLC LLP GmbH AG SA S.A. SpA S.p.A. NV N.V. BV B.V. AB ASA Oyj KK Pty"
    " SE SAS SARL Srl Bhd Tbk Limited Incorporated"
    # More sector words and diplomatic missions: "Acme Automobile", "U.S. Embassy".
    " Automobile Automotive Motor Electronics Chemicals Embassy Consulate"
)

# Heads that open an organization's name in French, Spanish, Italian, Portuguese and
# German ("Fédération de la Mode", "Banco Santander", "Institut Français de la Mode").
ORG_OPENERS = words(
    "Fédération Federación Federazione Federação Institut Instituto Istituto Banco"
    " Banque Banca Société Sociedad Società Compagnie Compañía Groupe Grupo Gruppo"
    " Ministère Ministerio Ministero Partido Parti Partito Agence Agencia Agenzia"
    " Conseil Consejo Consiglio Comité Comisión Commissione Association Asociación"
    " Associazione Confédération Confederación Syndicat Sindicato Cour Tribunal"
    " Tribunale Universidad Université Università Universidade Fondation Fundación"
    " Fondazione Stiftung Verband Bund Gesellschaft Bundesamt Bundesanstalt"
)

# Organisations a story may name in a single word or a way the heads miss.
KNOWN_ORGS = _aliases(
    "Public Policy Polling|YouGov|Ipsos|Marist|SurveyUSA|Zogby|Rasmussen Reports"
    "|Axios|National Review|Mother Jones|Daily Caller|Drudge Report"
    "|Infowars|Fox Business|C-SPAN|CNBC|USA Today|Daily Beast|TheBlaze|Western Journalism"
    "|Secret Service|Electoral College|Clinton Foundation|Trump Organization|NFL|NBA|NCAA"
    "|NATO|Kremlin|White House|Pentagon|Congress|Senate|State Department|WikiLeaks"
    "|Twitter|Facebook|Google|Apple|Amazon|Microsoft|CNN|MSNBC|Fox News|BuzzFeed"
    "|Bloomberg|Reuters|AFP|AP|Associated Press|Politico|POLITICO=Politico"
    "|Breitbart|Breitbart News|HuffPost|Huffington Post|RealClearPolitics"
    "|FiveThirtyEight|HuffPollster|Morning Consult|Rasmussen|Gallup|Quinnipiac|Pew"
    "|EU=European Union|European Union|UN=United Nations|United Nations"
    "|Islamic State|ISIS|ISIL|Taliban|Hamas|Hezbollah|al-Qaeda|Al Qaeda|GOP|House"
    "|Ku Klux Klan|KKK|FBI|CIA|NSA|DHS|DOJ|IRS|FEC|RNC|DNC|NAACP|ACLU|AFL-CIO|NRA"
    "|NYPD|LAPD|SEC|FDA|EPA|NASA|IMF|OPEC|SiriusXM|Vimeo|Hofstra University"
    "|Supreme Court|Federal Reserve|Fed=Federal Reserve|Justice Department"
    "|Defense Department|Treasury|Interpol|Europol|Gazprom|Rosneft|Tesla|SpaceX"
    "|Boeing|Airbus|Walmart|Exxon|ExxonMobil|Chevron|Goldman Sachs|JPMorgan"
    "|Citigroup|Verizon|AT&T|Comcast|Disney|Netflix|YouTube|Instagram|TikTok"
    "|WhatsApp|Telegram|Kyiv Independent|BBC|NBC|ABC|CBS|PBS|NPR|ESPN|HBO|Telemundo"
    "|Univision|Axios|Vox|Slate|Salon|Newsweek|Forbes|Fortune|Yahoo|AOL|RAINN|EEOC"
    "|Duma|Knesset|Bundestag|Mossad|MI6|KGB|FSB|GRU|Democratic Party"
    "|Republican Party|Green Party|Libertarian Party|Labour|Labour Party"
    "|Conservative Party|Liberal Democrats"
)
# Single words that only count as organizations on their own, never as a run's tail.
ACRONYM_NOT_ORG = words(
    "US U.S. USA U.S.A. UK U.K. GMT EST EDT PST PDT CST AM PM TV OK II III IV CEO CFO"
    " COO MP MPs ID DC D.C. N.Y. N.H. N.J. N.C. S.C. L.A. A.M. P.M. HRC LOL OMG PS"
    " USSR EU UAE R D I Q A RSVP FAQ GDP DIY VIP VP PR IQ IT AI OP ED VIX S&P"
    " NAFTA TPP ACA DACA ICBM DNA HIV AIDS COVID LGBT LGBTQ STEM PTSD MRI SAT MVP ATM"
    " USB GPS AKA RIP DUI NYC LA SF NYSE DOW VAR"
    # Time zones: "8.40pm AEST".
    " UTC BST CET CEST EET EEST WET WEST MSK IST JST KST HKT SGT AEST AEDT ACST ACDT"
    " AWST NZST NZDT MST MDT CDT AKST HST"
    # Technical and news abbreviations: "QR code", "LED screen", "(END)".
    " END QR LED LCD OLED PDF URL API SMS ETF IPO ESG KPI ROI SUV EV CCTV PIN SIM"
    " HQ FYI ASAP TBA"
)

# Countries, US states, big cities and regions: kind "place", never organizations.
PLACES = _phrases(
    "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria"
    "|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin"
    "|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi"
    "|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Costa Rica|Croatia"
    "|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominican Republic|Ecuador"
    "|Egypt|El Salvador|Eritrea|Estonia|Ethiopia|Fiji|Finland|France|Gabon|Gambia"
    "|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary"
    "|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica"
    "|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon"
    "|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia"
    "|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia"
    "|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nepal|Netherlands|Holland"
    "|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Macedonia|Norway"
    "|Oman|Pakistan|Palestine|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar"
    "|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Sierra Leone|Singapore"
    "|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka"
    "|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand"
    "|Togo|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE"
    "|United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales"
    "|Northern Ireland|United States|United States of America|US|U.S.|USA|U.S.A."
    "|America|Uruguay|Uzbekistan|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe"
    "|Crimea|Donbas|Donbass|Kursk|Gaza|West Bank|Soviet Union|USSR|Europe|Asia|Africa"
    "|Middle East|Latin America|South America|North America|Central America"
    "|Caribbean|Balkans|Baltics|Scandinavia|Arctic|Antarctica|Pacific|Atlantic"
    "|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware"
    "|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine"
    "|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana"
    "|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina"
    "|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina"
    "|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Washington"
    "|Wisconsin|Wyoming|District of Columbia|Washington D.C.|D.C.|Puerto Rico|Guam"
    "|Moscow|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Mariupol|Minsk|Warsaw|Berlin|Paris|London"
    "|Madrid|Rome|Brussels|Vienna|Geneva|Zurich|Amsterdam|Stockholm|Oslo|Helsinki"
    "|Copenhagen|Dublin|Lisbon|Athens|Ankara|Istanbul|Tehran|Baghdad|Damascus"
    "|Beirut|Jerusalem|Tel Aviv|Cairo|Riyadh|Dubai|Doha|Kabul|Islamabad|New Delhi"
    "|Delhi|Mumbai|Beijing|Shanghai|Hong Kong|Tokyo|Seoul|Pyongyang|Taipei|Manila"
    "|Jakarta|Bangkok|Hanoi|Sydney|Melbourne|Toronto|Ottawa|Montreal|Vancouver"
    "|Mexico City|Havana|Caracas|Bogota|Lima|Santiago|Buenos Aires|Brasilia"
    "|Rio de Janeiro|Sao Paulo|Nairobi|Lagos|Johannesburg|Cape Town|Addis Ababa"
    "|Chicago|Los Angeles|San Francisco|San Diego|San Antonio|San Jose|Houston"
    "|Dallas|Austin|Phoenix|Philadelphia|Boston|Seattle|Portland|Denver|Atlanta"
    "|Miami|Miami Beach|Orlando|Tampa|Detroit|Cleveland|Columbus|Cincinnati"
    "|Pittsburgh|Baltimore|Las Vegas|Reno|Salt Lake City|Kansas City|St. Louis"
    "|Minneapolis|Milwaukee|Nashville|Memphis|New Orleans|Charlotte|Raleigh"
    "|Richmond|Norfolk|Tulsa|Oklahoma City|Albuquerque|Tucson|Sacramento|Oakland"
    "|Honolulu|Anchorage|Buffalo|Rochester|Albany|Newark|Hartford|Providence"
    "|Manhattan|Brooklyn|Queens|Bronx|Staten Island|Long Island|Harlem|Chelsea"
    "|Hamptons|Colorado Springs|Henderson|Staunton|Des Moines|Concord|Charleston"
    "|Silicon Valley|Hollywood|Capitol Hill|Midwest|Rust Belt|Sun Belt|Appalachia"
    "|Persian Gulf|Black Sea|Mediterranean|Siberia|Kaliningrad|Donetsk|Luhansk"
    "|Kherson|Zaporizhzhia|Bakhmut|Avdiivka|Mosul|Aleppo|Raqqa|Idlib|Benghazi"
    "|Tripoli|Sinai|Golan Heights|Kashmir|Tibet|Xinjiang|Normandy|Bavaria|Catalonia"
    "|Quebec|Ontario|Alberta|British Columbia|Beaufort|Moore|Cumberland"
)
PLACE_HEADS = words(
    "City County Island Islands Beach Street Avenue Road Square Park Bay Valley"
    " River Lake Mountain Mountains Province Region District Heights Springs Falls"
    " Harbor Harbour Peninsula Coast Canyon Hills Village Township Borough Parish"
    " Sea Ocean Strait Gulf Airport Base Boulevard Plaza Bridge Stadium Arena"
)
# US state abbreviations as used in datelines and letters ("Rochester, N.H.").
STATE_ABBREVIATIONS = words(
    "Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md."
    " Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla."
    " Ore. Pa. R.I. S.C. S.D. Tenn. Tex. Vt. Va. Wash. W.Va. Wis. Wyo. D.C."
    # Canadian provinces and Australian states: "Surrey, B.C.", "Dubbo, NSW".
    " B.C. Alta. Sask. Man. Ont. Que. N.S. N.B. P.E.I. Nfld. NSW Qld Vic. Tas."
)


# Nouns for "the union said", "the newspaper wrote": an organization speaks.
ORG_SPEAKER_NOUNS = words(
    "newspaper paper daily weekly magazine union company firm campaign committee"
    " agency department bureau board government administration ministry group"
    " organization organisation network channel station party council commission"
    " kremlin white house pentagon office court report survey poll study statement"
    " editorial site website outlet publication association federation coalition"
    " league institute center centre foundation university team fund bank"
)
# Documents that speak for whoever issued them ("the Beige Book said", "Roe's statement
# said"): the issuer is the speaker.
DOCUMENT_NOUNS = words(
    "report reports survey poll study statement letter memo memorandum filing release"
    " book index analysis audit assessment forecast outlook brief review paper post"
    " tweet tweets email e-mail message lawsuit complaint motion ruling opinion order"
    " decision findings document documents note"
)
# Nouns for people in a role ("the spokesman said", "the official told").
PERSON_SPEAKER_NOUNS = words(
    "spokesman spokeswoman spokesperson official officials aide adviser advisor"
    " strategist secretary senator congressman congresswoman representative governor"
    " mayor president minister chancellor leader speaker chairman chairwoman chair"
    " director chief commissioner attorney lawyer judge ambassador envoy general"
    " lieutenant colonel captain officer sheriff detective host anchor reporter"
    " correspondent editor columnist writer author analyst economist pollster"
    " professor candidate nominee manager surrogate staffer commentator activist"
    " founder executive ceo coach doctor physician pastor reverend rabbi imam"
    " father mother son daughter wife husband brother sister friend man woman"
    " veteran lawmaker legislator diplomat negotiator prosecutor investigator"
    " expert researcher scientist fellow source insider witness resident voter"
    " student teacher worker owner organizer chairperson republican democrat"
    " independent libertarian conservative liberal progressive moderate"
)
# More nouns that, right before a capitalised pair, say it is a person's name.
PERSON_CUE_NOUNS = words(
    "investor singer actor actress journalist appointee nominee dr dr. rev sen rep gov"
    " pope cardinal bishop prince princess king queen emperor playwright novelist poet"
    " artist musician rapper comedian athlete player striker quarterback pitcher"
    " partner fiancé fiancée girlfriend boyfriend referee umpire goalkeeper defender"
    " midfielder forward winger manager figure member dissenter sultan emir monarch"
)
# Jobs held at an organization: "an analyst at Acme", "a spokesperson for the Board".
WORK_ROLE_NOUNS = words(
    "analyst economist strategist spokesperson spokesman spokeswoman official officer"
    " executive director manager researcher scientist professor lecturer engineer"
    " lawyer partner employee worker chief head president vice-president founder"
    " chairman chairwoman adviser advisor consultant fellow editor reporter"
    " correspondent doctor physician cardiologist epidemiologist trader banker"
    " investor volunteer member organiser organizer campaigner"
)
# What an organization is called in an apposition: "Acme, the London-based maker".
ORG_APPOSITION_NOUNS = words(
    "company firm maker agency group bank startup start-up retailer airline carrier"
    " broadcaster newspaper insurer lender manufacturer regulator utility charity"
    " nonprofit non-profit organization organisation publisher developer operator"
    " producer supplier outlet platform club union party fund body authority"
    " institute university watchdog conglomerate giant chain brand band fintech"
    " platform lobby federation association"
)
# What a text calls an organization right before its name ("the payments company
# Acme", "the boy band Orbit", "Acme's rival Zentrix"): never a person's role.
ORG_KIND_NOUNS = words(
    "company firm maker agency group bank startup start-up retailer airline carrier"
    " newspaper insurer lender manufacturer regulator utility charity nonprofit"
    " non-profit organization organisation outlet platform club union fund"
    " institute university watchdog conglomerate giant chain brand band fintech"
    " rival competitor subsidiary label automaker carmaker store"
)
# Nouns after a name that make the name a modifier ("Trump supporters", "Trump Tower").
MODIFIED_NOUNS = words(
    "supporters supporter surrogate surrogates voters donors camp fans allies era tower"
    " rally rallies victory appointee appointees loyalist loyalists critics backers"
    " presidency nomination candidacy"
)
FEMALE_NOUNS = words(
    "spokeswoman congresswoman chairwoman mother daughter wife sister woman lady"
    " girl actress queen princess"
)
MALE_NOUNS = words(
    "spokesman congressman chairman father son husband brother man boy actor king"
    " prince"
)

FEMALE_NAMES = words(
    "Alicia Ghazala Gennifer Juanita Natasha Summer Malia Sasha Lara Omarosa Kasie"
    " Hallie Maggie Brit Mika Debbie Neera Jen Karine Symone Jeanine Tomi Carmen"
    " Lucia Gabriela Guadalupe Ana Beatriz Fatima Aisha Priya Anjali Nikki Maxine"
    " Alexandra Andrea Cristina Daniela Jacqueline Kristen Lindsay Marianne Martina"
    " Michele Patti Rosalyn Sheila Susanne Tammy Terri Trisha Valerie Whitney Zoe"
    " Angela Kellyanne Huma Loretta Emily Alana Jill Kimberly Hope Yulia Julia Theresa"
    " Jacinda Melania Hillary Stephanie Maya Erica Katy Ouisa Kathryn Janet Donna"
    " Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy"
    " Lisa Betty Margaret Sandra Ashley  Kimberley  Donna Michelle Dorothy"
    " Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen"
    " Amy  Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine"
    " Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie"
    " Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan"
    " Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances"
    " Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn"
    " Danielle Beverly Isabella  Diana Natalie Brittany Charlotte Marie Kayla"
    " Alexis Lori Hillary Hilary Melania Ivanka Chelsea Michaela "
    " Katy Katie Kate Erica Erika Maya  Janet Nikki Kamala Elizabeth Nancy Condoleezza"
    " Madeleine Sarah Sheryl Oprah Meghan Megyn Rachel Jennifer Donna"
    " Toni Vicki Vickie Kathy Kim Barbra Tina Tulsi Alexandria Ayanna Ilhan Rashida"
    " Marsha Lisa Susan Kirsten Dianne Maxine Debbie Tammy Amy Heidi Claire Jeanne"
    " Kristi Kristen Kirstjen Betsy Gina Samantha Susana Sally Sonia Sonya Elena Ruth"
    " Ketanji Amy   Ursula Christine Marine Giorgia  Liz Priti"
    " Suella  Olena Iryna Svetlana Natalia Natalya Tatiana Olga Irina Galina"
    " Anastasia Marina Oksana Ludmila Lyudmila Valentina Yelena Ekaterina Yekaterina"
    " Maria Sofia Sophie Anne Annie Jane Janie Joanna Joanne Josephine  Juliet"
    " Karin Karina Katrina Kristin Leah Lily Lucy Mallory Molly Monica Nina Nora Paula"
    " Peggy Penny Rita Rosa Rose Roxanne Sabrina Selena Shannon Sheila Stacey Stacy"
    " Sue Sylvia Tara Tracy Valerie Vanessa Wendy Yvonne Zoe Carly Caroline Cindy"
    " Dana Dawn Eleanor Ellen Emilia Erin Eva Eve Fiona Gabrielle Gail Georgia Gwen"
    " Holly Irene Iris Jasmine Jenna Jo Joy Kara Kristina Leslie Lynn Marcia Margo"
    " Meg Melanie Miranda Naomi Noor Patty Phyllis Rachael Regina Renee Robin Robyn"
    " Roberta Ronda Rosalind Samira Sandy Shelby Tamara Tiffany Whitney Yolanda"
    " AshLee Ashlee  Jen Becky Brittney Ellie Ella Ava Mia Chloe Kendall"
    " Kylie Khloe Kourtney Beyonce Taylor Ariana  Ginger  Jennifer Stephanie"
    " Dolores Mitzi Bree Tulsi Kyrsten Gretchen  Mika Norah Greta Joni Katharine"
)
MALE_NAMES = words(
    "Khizr Evan Barron Rush Ezra Bret Reince Newt Corey Bakari Zeke Ari Sebastian"
    " Wilbur Devin Trey Darrell Mick Reed Alejandro Jesus Pablo Diego Omar Amir"
    " Khalid Mitt Jared Steve Kris Beto Julian Joaquin Marco Ted Rand Rick Scott"
    " Lamar Mo Thad Orrin Trent Elijah Cedric Dwayne Terrence Terence Tyrone Reggie"
    " Alberto Ernesto Rodolfo Sergio Raul Ruben Eduardo Ignacio Santiago Mateo"
    " James John Robert Michael William David Richard Joseph Thomas Charles Christopher"
    " Daniel Matthew Anthony Mark Donald Steven Steve Paul Andrew Joshua Kenneth Kevin"
    " Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric"
    " Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander"
    " Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry"
    " Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger"
    " Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan Joe Jordan"
    " Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy Eugene"
    " Vincent Russell Elijah Louis Bobby Philip Johnny Barack Bill Bernie Mike Marco"
    " Vladimir Volodymyr Volodimir Alexei Aleksei Alexey Sergei Sergey Dmitry Dmitri"
    " Dmitriy Mikhail Boris Yuri Ivan Igor Oleg Viktor Victor Andriy Andrii Petro"
    " Vitali Vitaliy Vitaly Mykhailo Oleksandr Oleksiy Denys Ruslan Rustem Kyrylo"
    " Yevgeny Yevgeniy Nikolai Nikolay Pavel Valery Gennady Anatoly Leonid Maxim"
    " Emmanuel Olaf Keir Rishi Boris Justin Xi Narendra Recep Benjamin Bashar Rodrigo"
    " Jair Luiz Kim Shinzo Fumio Hassan Ali Mohammed Muhammad Mohammad Ahmed Abdullah"
    " Osama Hosni Mahmoud Recep Tayyip Jens Antonio Mario Matteo Giuseppe Pedro Carlos"
    " Luis Miguel Jorge Manuel Francisco Javier Ricardo Fernando Mauricio Andres"
    " Enrique Hugo Nicolas Emmanuel Francois Jacques Pierre Jean-Claude Jean-Marie"
    "  Olaf Helmut Gerhard Wolfgang Hans Klaus Jürgen Jurgen Heinz Franz Karl"
    " Mitt Ted Marco Rand Newt Reince Sean  Rudy Rudolph Chris Corey Jared"
    " Eric Howard Hank Mitch Lindsey Lindsay Orrin Harry Chuck Dick Dan Tim Tom Jim"
    " Jimmy Jeb Rick Ron Rob Bob Bobby Wolf Jake Anderson Tucker Sean Bret Brett"
    " Lester Chris Matt Nate Pat Alex Larry Bill Ben Sam Sid Nick Jon Josh Jay Ray"
    " Ed Al Ken Kenny Dave Doug Don Greg Jeff Jerry Joey Kirk Lou Marty Max Mel"
    " Nate Phil Ralph Rod Ross Roy Stan Stu Ted Tony Vic Vince Walt Will Wolf Zach"
    "  Pete Kamal Abe Akhil Ajay Amit Anil Arjun Deepak Rahul Raj Sanjay"
    " Vivek  Hakeem Cory Kevin Elon Jeff Warren Sundar Satya Tim Mark"
    " Reid Robby  Anthony  James  Preet Rex  Jim Rudy Rudolph"
    " Roger Rupert Lachlan Steve Stephen  Darren   Ross Paul"
    " Colin Colin Gordon Tony  Nigel Rishi Nick Liam Owen Gavin Glenn Grant"
    " Clint Clifford Curtis Dale Darrell Derek Dominic Duane Dwight Earl Elliott"
    " Elmer Everett Floyd Fred Freddie Gene Gilbert Glen Gordon Guy Herbert Herman"
    " Homer Hugh Ian Isaac Jackson Jared Jay Jeffery Jerome Jesse Joel Jon Julian"
    " Julius Kurt Lance Lee Leo Leon Leonard Leroy Lloyd Lonnie Luke Malcolm Marcus"
    " Martin Marvin Melvin Milton Morris Nathaniel Neil Norman Oliver Oscar Otis"
    " Perry Quentin Rafael Ramon Randall Reginald Rex Ricky Roberto Rodney Roland"
    " Ruben Rufus Salvatore Seth Shane Sidney Simon Stanley Stuart Terrence Theodore"
    " Todd Travis Trevor Troy Vernon Wade Wallace Warren Wesley Wilbur Wilson"
    " Marco Jens Antony Tony Lloyd Lindsey Mike Devin Trey Jamie"
    " Chuck Robby Reince Newt Sid Corey Stephen   Darren Gary  Joshua"
    "  Charlie Emil Gerard Ramzan Yevgeny Sergei Vasily Kirill Alexander"
    " Grigory Arseniy Arseny Petro Leonid Viktor Vadym Valeriy Yuriy"
    " Rodrigo  Bashar Hafez Abdel Abdul Ahmad Ayman Hassan Hussein Saddam"
    " Muammar Recep Benjamin Naftali Yair Isaac Shimon Ehud Ariel Yitzhak Menachem"
    " Moshe Avigdor Mahmoud Yasser Ismail Khalid Salman Mohammed Tamim Qaboos"
    " Fidel Raul Hugo Nicolas Evo Lula Juan Andres Manuel Felipe Enrique Vicente"
    " Shinzo Yoshihide Fumio Moon Yoon Jae-in Jong-un Jong-il Kim Xi  Hu Li"
    " Narendra Imran Nawaz Shehbaz Hamid Ashraf Justin Stephen Pierre Jean Brian"
    " Malcolm Scott Anthony  Tony Kevin John  Kevin Ronny Ronnie"
    # Common European first names.
    " Jan Bruno Lars Sven Henrik Anders Nils Jens Jorge Joao Luca Marco Stefan"
)
# Remove accidental cross-listing (names in both lists are gender-neutral).
_BOTH = FEMALE_NAMES & MALE_NAMES
FEMALE_NAMES = FEMALE_NAMES - _BOTH
MALE_NAMES = MALE_NAMES - _BOTH
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES | _BOTH

# Public figures often named by surname alone; used only when the story never gives
# the full name, so "Mr. Obama" is Barack Obama.
FAMOUS_SURNAMES = {
    name.split(" ")[-1]: name
    for name in _phrase_list(
        "Barack Obama|Hillary Clinton|Donald Trump|Bernie Sanders|Vladimir Putin"
        "|Mike Pence|Joe Biden|Kamala Harris|Tim Kaine|Mitch McConnell|Nancy Pelosi"
        "|Chuck Schumer|Ted Cruz|Marco Rubio|Paul Ryan|Mitt Romney|James Comey"
        "|Volodymyr Zelenskyy|Angela Merkel|Emmanuel Macron|Xi Jinping|Kim Jong-un"
        "|Recep Tayyip Erdogan|Benjamin Netanyahu|Bashar al-Assad|Justin Trudeau"
        "|Elon Musk|John Kerry|Reince Priebus|Kellyanne Conway|Rudy Giuliani"
        "|Newt Gingrich|Chris Christie|Jeb Bush|John McCain|Lindsey Graham|Jill Stein"
        "|Huma Abedin|John Podesta|Donna Brazile|Robby Mook|Julian Assange"
        "|Edward Snowden|Sergei Lavrov|Dmitry Peskov"
    )
}

# Verbs that put words in quotation marks without reporting speech as such
# ("called it "locker room" banter", "accused him of being a "liar"").
QUOTING_VERBS = words(
    "called calling calls described describes describing dubbed labeled labelled"
    " branded termed hailed praised praising praises accused accuses accusing"
    " criticized criticised mocked mocking compared comparing echoed echoing"
    " repeated repeating referred referring pledged pledging promised vowed"
    " agreed agree"
)
# Last words that make a capitalised run a thing, not a person ("Beige Book").
NOT_PERSON_TAILS = words(
    "Book Act Bill Day Show Report Plan Index Award Prize Cup Games Series Doctrine"
    " Survey Poll Agreement Accord Treaty Amendment Law Rule Program Project Tour"
    " Summit Conference Forum Debate Convention Rally Festival Fair Week Month Year"
    " Era Age War Wars Crisis Scandal Gate Files Papers Letter Manifesto Hotline Code"
)
# Last words of a programme's name, never a surname ("The Roe and Doe Show").
PROGRAMME_TAILS = words("Show Hour Daily Report Tonight Podcast Live Weekly Files")
# One organization under two names; merged when both occur in a text.
ORG_SYNONYMS = {
    "ISIS": "Islamic State",
    "ISIL": "Islamic State",
    "HuffPost": "Huffington Post",
    "KKK": "Ku Klux Klan",
    "Justice Department": "Department of Justice",
}


# Days and months split a capitalised run ("Clinton Tuesday").
DATE_WORDS = words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March"
    " April May June July August September October November December Jan Feb Mar Apr"
    " Jun Jul Aug Sep Sept Oct Nov Dec Show"
)


# Verbs that introduce or report speech. Participles count for "…, saying, "…"".
SPEECH_VERBS = words(
    "said says say saying told tells tell telling stated  stating added adds"
    " adding asked asks asking wrote writes writing tweeted  tweeting argued"
    " argues arguing noted  noting claimed  claiming explained explains"
    " explaining insisted insists insisting warned warns warning replied replies"
    " replying responded responds responding continued continues continuing gushed"
    " emailed emails emailing posted  posting declared declares declaring"
    " announced announces announcing acknowledged acknowledges acknowledging"
    " admitted admits admitting recalled recalls recalling remarked "
    " observed observes suggested suggests suggesting reiterated reiterates"
    " reiterating concluded concludes joked jokes joking quipped quips shouted"
    " yelled stressed stresses stressing emphasized emphasised emphasizes"
    " conceded concedes countered  predicted predicts vowed  promised"
    "  boasted boasts lamented laments complained complains mused muses"
    " musing urged urges confirmed confirms cautioned cautions testified texted"
    " exclaimed whispered commented  commenting demanded demands pleaded"
    " maintained  added reported  reporting recounted recounts"
    " answered  explained blasted slammed scoffed sniped snapped fumed"
    " thundered retorted chimed interjected opined wondered wonders "
    "      insisted contended contends assured"
    " assures assuring affirmed alleged     "
    "     called  calling "
    "         "
    "     tweeting declared proclaimed proclaims"
    "   announced      "
    "      messaged wrote  posted"
    "  urged implored begged asserted asserts asserting screamed cried sighed"
    " laughed underscored clarified elaborated reasoned revealed charged advised"
    " advises counseled reminded reminds predicted chanted chanting reads"
) | frozenset(
    # Phrasal verbs: "“…,” Roe shot back."
    {
        "shot back",
        "fired back",
        "hit back",
        "pushed back",
        "chimed in",
        "went on",
        "pointed out",
        "weighed in",
        "summed up",
        "pressed on",
    }
)


# Words before quotation marks that make the marks a title, not speech.
TITLE_CUES = words(
    "show shows program programme series episode episodes film films movie movies"
    " documentary book books novel novels memoir song songs album albums single"
    " article articles column columns op-ed editorial commentary essay headline"
    " headlined titled entitled poem play musical painting segment podcast hashtag"
    " slogan nickname nicknamed alias magazine video titled report titled"
    " opera sitcom special feature track website blog newsletter chapter so-called"
    " term terms label labels phrase moniker motto epithet slur catchphrase buzzword"
)


# --- what the lists say about a word ------------------------------------------

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
ACRONYM = re.compile(rf"^(?:[{UPPER}][{UPPER}&\-]+|(?:[{UPPER}]\.){{2,}})$")


def bare_token(token: str) -> str:
    return token.rstrip(".")


@lru_cache(maxsize=8192)
def is_acronym(token: str) -> bool:
    return bool(ACRONYM.match(token)) and len(token.replace(".", "")) >= 2


# A hyphenated role: "Investigator-in-charge", "Editor-in-chief".
_HYPHEN_ROLE = re.compile(r"^([A-Z][a-z]+)(?:-[a-z]+)+$")


@lru_cache(maxsize=8192)
def is_title_token(token: str) -> bool:
    # A plural title heads a list of people: "Justices Jane Roe and John Doe".
    singular = token.removesuffix("s")
    role = _HYPHEN_ROLE.match(token)
    return (
        token in TITLE_WORDS
        or bool(
            role
            and (
                role.group(1) in TITLE_WORDS
                or role.group(1).lower() in PERSON_SPEAKER_NOUNS
            )
        )
        or bare_token(token) in HONORIFICS
        or (singular in TITLE_WORDS and singular not in TITLE_MODIFIERS)
    )


_PARTICLE = re.compile(
    r"^(?:de|del|della|der|den|van|von|da|di|du|la|le|bin|ibn|al|el)(?:-|$)"
)


@lru_cache(maxsize=8192)
def looks_like_name_token(token: str) -> bool:
    bare = bare_token(token)
    if bare in FIRST_NAMES or _PARTICLE.match(token):
        return True
    return (
        token[:1].isupper()
        and bare not in COMMON_WORDS
        and bare not in NATIONALITIES
        and bare not in ORG_HEADS
        and not (is_acronym(token) and len(bare) > 2)
        and not token.startswith("@")
    )


def name_tokens_ok(tokens: list[str], before: str = "") -> bool:
    """Return True if ``tokens`` can be (the rest of) a person's name.

    A surname that is also a common word ("Theresa May", "AshLee Strong") is allowed
    right after a first name.
    """
    previous = before
    for tok in tokens:
        bare = bare_token(tok)
        if not (
            looks_like_name_token(tok)
            or bare in GENERATION_SUFFIXES
            or (previous in FIRST_NAMES and bare in COMMON_WORDS and tok[:1].isupper())
        ):
            return False
        previous = bare
    return True


# --- the broad first-name lexicon ----------------------------------------------
# Beyond the hand-written lists (which decide wherever they speak), Jörg Michael's
# dictionary of ~45,000 first names from many countries, shipped by gender-guesser
# under the GNU FDL, says a capitalised word is a first name and often its gender.
_NAME_DICTIONARY = os.path.join(
    os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt"
)
# Its sex codes: male, mostly male ("1M", "?M"), female …, and "?" for either. Only
# a sure gender counts: a "mostly" one must not outvote the text ("Kiran …, he said").
_DICTIONARY_GENDERS = {
    "M": "m", "1M": "", "?M": "", "F": "f", "1F": "", "?F": "", "?": "",
}  # fmt: skip
_FREQUENCIES = {c: int(c, 16) for c in "123456789ABCD"}
# Words the lists give another job (openers, months, titles, places, organizations,
# nationalities, role nouns): never a first name on the dictionary's word alone.
_NOT_FIRST_NAMES = (
    COMMON_WORDS | TITLE_WORDS | HONORIFICS | TITLE_CONNECTORS | NATIONALITIES
    | GROUP_WORDS | ORG_HEADS | PLACE_HEADS | DATE_WORDS | NOT_PERSON_TAILS
    | PROGRAMME_TAILS | GENERATION_SUFFIXES | STATE_ABBREVIATIONS
)  # fmt: skip
_NOT_FIRST_NAME_KEYS = (
    KNOWN_ORGS.keys() | PLACES | PERSON_SPEAKER_NOUNS | PERSON_CUE_NOUNS
    | ORG_SPEAKER_NOUNS | ORG_APPOSITION_NOUNS | WORK_ROLE_NOUNS | DOCUMENT_NOUNS
    | MODIFIED_NOUNS | FEMALE_NOUNS | MALE_NOUNS | SPEECH_VERBS
)  # fmt: skip


@cache
def _name_lexicon() -> dict[str, str]:
    """Return the dictionary's first names with a gender ("m", "f", "" for either).

    Read once, on first use (~100 ms; the table keeps ~4 MB). A name listed under both genders
    takes the one listed in more countries (gender-guesser's rule), or none if tied.
    """
    best: dict[str, tuple[int, int, str]] = {}
    with open(_NAME_DICTIONARY, encoding="utf-8") as lines:
        for line in lines:
            # Skip comments, "=" lines (short and long forms) and the second copy of
            # a name with umlauts (a "+" in column 30, as the file's header says).
            if line[0] in "#=" or line[29] == "+":
                continue
            code, name = line.split(None, 2)[:2]
            # Then one frequency per country, 1 (rare) to D (very common), up to "$".
            counts = line[30:].partition("$")[0].replace(" ", "")
            score = (len(counts), sum(_FREQUENCIES[c] for c in counts))
            gender = _DICTIONARY_GENDERS[code]
            name = name.replace("+", "-")  # "Jean+Pierre": one token as "Jean-Pierre"
            known = best.get(name)
            if known is None or score > known[:2]:
                best[name] = (*score, gender)
            elif score == known[:2] and gender != known[2]:
                best[name] = (*score, "")
    return {
        name: gender
        for name, (_, _, gender) in best.items()
        if len(name) > 1
        and name not in FIRST_NAMES
        and name not in _NOT_FIRST_NAMES
        and name.casefold() not in _NOT_FIRST_NAME_KEYS
        and not _PARTICLE.match(name.casefold())  # "El Fasher", "Van Dyke"
    }


def lexicon_first_name(token: str) -> bool:
    """Return True if only the broad dictionary (not the hand-written list) knows
    ``token`` as a first name: evidence that needs the context's agreement."""
    return bare_token(token) in _name_lexicon()


def first_name_gender(token: str) -> str:
    """Return "f" or "m" for a first name whose gender is known, else ""."""
    bare = bare_token(token)
    if bare in FEMALE_NAMES:
        return "f"
    if bare in MALE_NAMES:
        return "m"
    return "" if bare in FIRST_NAMES else _name_lexicon().get(bare, "")


def gender_of(tokens: list[str], title: str) -> str:
    words = set(title.replace(".", " ").split())
    if words & FEMALE_HONORIFICS or {"Spokeswoman", "Congresswoman", "Lady"} & words:
        return "f"
    if words & MALE_HONORIFICS or {"Spokesman", "Congressman"} & words:
        return "m"
    return first_name_gender(tokens[0]) if tokens else ""


@lru_cache(maxsize=8192)
def name_parts(name: str) -> tuple[str, ...]:
    parts = tuple(p for p in name.split() if bare_token(p) not in GENERATION_SUFFIXES)
    return parts or tuple(name.split())
