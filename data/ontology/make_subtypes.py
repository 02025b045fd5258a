#!/usr/bin/env python3
"""Writes data/ontology/subtypes.tsv: ACLED-notes-style training snippets for the sub-type classifier.
Columns: id, sub_event_type, split (train, or dev for every fifth template of a sub-type), snippet.

Every template and filler below was written by the Sitrep team from the ACLED codebook's sub-event definitions;
nothing is copied from any dataset. Deterministic: a fixed seed, so the same script gives the same file.
Usage: python3 data/ontology/make_subtypes.py > data/ontology/subtypes.tsv
"""
import random

PER_TYPE = 72
rng = random.Random(20261122)

# (country, towns, state forces, non-state armed groups, civilians' word)
COUNTRIES = [
    ("Afghanistan", ["Kunduz", "Ghazni", "Lashkar Gah", "Maidan Wardak", "Faryab", "Jalalabad"],
     ["Afghan National Army", "Afghan police", "ANSF", "Afghan special forces"], ["Taliban", "Taliban militants", "IS-K fighters"]),
    ("Syria", ["Idlib", "Maarat al-Numan", "Deir ez-Zor", "Daraa", "Jisr al-Shughur", "Manbij", "Saraqib"],
     ["regime forces", "the Syrian army", "SAA troops", "government forces"], ["HTS", "ISIS militants", "the SDF", "Turkish-backed factions", "opposition fighters"]),
    ("Iraq", ["Kirkuk", "Mosul", "Tikrit", "Baqubah", "Tuz Khurmatu", "Ramadi"],
     ["Iraqi Security Forces", "the Iraqi army", "federal police", "PMF units"], ["ISIS militants", "IS cells", "gunmen"]),
    ("Yemen", ["Marib", "Taiz", "Hodeidah", "Al Bayda", "Saada", "Al Dhale"],
     ["pro-government forces", "Yemeni army", "Security Belt Forces"], ["Houthi forces", "Houthis", "AQAP militants", "Ansar Allah fighters"]),
    ("Somalia", ["Mogadishu", "Afgoye", "Baidoa", "Jowhar", "Beledweyne", "Kismayo"],
     ["SNA troops", "Somali National Army", "AMISOM forces", "Somali police"], ["al-Shabaab", "al-Shabaab militants", "clan militia"]),
    ("Nigeria", ["Maiduguri", "Damboa", "Zamfara", "Katsina", "Gwoza", "Monguno"],
     ["Nigerian Army", "Nigerian troops", "the police", "Civilian JTF"], ["Boko Haram", "ISWAP fighters", "bandits", "armed herders"]),
    ("Mali", ["Mopti", "Gao", "Timbuktu", "Menaka", "Segou", "Bandiagara"],
     ["FAMa soldiers", "Malian army", "the gendarmerie"], ["JNIM militants", "jihadists", "Dozo militia", "Dan Na Ambassagou militia"]),
    ("Burkina Faso", ["Djibo", "Dori", "Kaya", "Fada N'Gourma", "Arbinda"],
     ["Burkinabe soldiers", "VDP volunteers", "the army"], ["JNIM", "ISGS militants", "unidentified gunmen"]),
    ("DR Congo", ["Beni", "Rutshuru", "Bunia", "Djugu", "Uvira", "Masisi"],
     ["FARDC soldiers", "Congolese army", "PNC police"], ["ADF rebels", "M23 rebels", "Mai-Mai militia", "CODECO militia"]),
    ("Libya", ["Tripoli", "Sirte", "Benghazi", "Gharyan", "Misrata", "Derna"],
     ["GNA forces", "LNA forces", "Haftar's forces"], ["militia", "armed group", "ISIS remnants"]),
    ("Ukraine", ["Avdiivka", "Bakhmut", "Kherson", "Kharkiv", "Mariupol", "Horlivka"],
     ["Ukrainian forces", "Russian forces", "the Ukrainian military"], ["separatist militias", "DPR fighters", "Wagner fighters"]),
    ("India", ["Srinagar", "Dantewada", "Sukma", "Imphal", "Pulwama", "Bijapur"],
     ["CRPF personnel", "Indian Army", "police", "BSF jawans"], ["Maoists", "militants", "Naxals", "Hizbul Mujahideen militants"]),
    ("Pakistan", ["North Waziristan", "Quetta", "Peshawar", "Bannu", "Khyber", "Turbat"],
     ["Pakistani troops", "FC personnel", "security forces"], ["TTP militants", "BLA fighters", "terrorists"]),
    ("Philippines", ["Marawi", "Jolo", "Maguindanao", "Samar", "Negros Oriental", "Basilan"],
     ["AFP soldiers", "Philippine Army", "PNP officers"], ["NPA rebels", "Abu Sayyaf", "BIFF fighters"]),
    ("Colombia", ["Cauca", "Catatumbo", "Arauca", "Narino", "Antioquia", "Tumaco"],
     ["Colombian army", "police", "the military"], ["ELN guerrillas", "FARC dissidents", "Clan del Golfo"]),
    ("Myanmar", ["Sagaing", "Myawaddy", "Lashio", "Kyaukme", "Hpakant", "Mrauk-U"],
     ["the Tatmadaw", "junta troops", "military forces"], ["PDF fighters", "Arakan Army", "KIA fighters", "TNLA"]),
    ("Ethiopia", ["Mekelle", "Gondar", "Dessie", "Shashemene", "Metekel", "Nekemte"],
     ["ENDF soldiers", "federal forces", "regional special forces"], ["TPLF fighters", "OLA rebels", "Fano militia"]),
    ("Sudan", ["Khartoum", "El Fasher", "Nyala", "Omdurman", "El Geneina", "Kadugli"],
     ["SAF troops", "Sudanese army", "police"], ["RSF fighters", "Janjaweed militia", "SPLM-N rebels"]),
    ("Cameroon", ["Bamenda", "Buea", "Kumba", "Mamfe", "Ndop"],
     ["Cameroonian soldiers", "BIR troops", "gendarmes"], ["Ambazonian separatists", "Amba fighters", "Boko Haram"]),
    ("Mozambique", ["Mocimboa da Praia", "Palma", "Macomia", "Muidumbe", "Quissanga"],
     ["FADM soldiers", "Rwandan troops", "Mozambican police"], ["Ansar al-Sunna insurgents", "ISCAP militants", "insurgents"]),
    ("South Sudan", ["Juba", "Yei", "Malakal", "Bor", "Wau", "Bentiu"],
     ["SSPDF soldiers", "SPLA troops"], ["SPLA-IO forces", "NAS rebels", "White Army"]),
    ("Israel/Palestine", ["Gaza City", "Khan Younis", "Jenin", "Nablus", "Rafah", "Hebron"],
     ["Israeli forces", "IDF soldiers", "Israeli police"], ["Hamas militants", "Islamic Jihad fighters", "Palestinian gunmen"]),
    ("Turkey", ["Hakkari", "Sirnak", "Diyarbakir", "Van", "Mardin"],
     ["Turkish troops", "Turkish army", "gendarmerie"], ["PKK militants", "PKK fighters"]),
    ("Mexico", ["Culiacan", "Michoacan", "Guerrero", "Tamaulipas", "Zacatecas"],
     ["Mexican army", "National Guard", "state police"], ["cartel gunmen", "CJNG members", "armed men"]),
    ("Lebanon", ["Tripoli", "Beirut", "Sidon", "Baalbek", "Nabatieh"],
     ["Lebanese army", "ISF officers"], ["Hezbollah", "gunmen", "Fatah militants"]),
]

PROTEST_PLACES = [
    ("Nairobi", "Kenya"), ("Lagos", "Nigeria"), ("Khartoum", "Sudan"), ("Baghdad", "Iraq"), ("Beirut", "Lebanon"),
    ("Santiago", "Chile"), ("Bogota", "Colombia"), ("Dhaka", "Bangladesh"), ("Karachi", "Pakistan"), ("Delhi", "India"),
    ("Kinshasa", "DR Congo"), ("Harare", "Zimbabwe"), ("Kampala", "Uganda"), ("Yangon", "Myanmar"), ("Manila", "Philippines"),
    ("Caracas", "Venezuela"), ("La Paz", "Bolivia"), ("Lima", "Peru"), ("Tunis", "Tunisia"), ("Algiers", "Algeria"),
    ("Paris", "France"), ("Minsk", "Belarus"), ("Hong Kong", "China"), ("Tbilisi", "Georgia"), ("Conakry", "Guinea"),
    ("Bamako", "Mali"), ("Addis Ababa", "Ethiopia"), ("Colombo", "Sri Lanka"), ("Jakarta", "Indonesia"), ("Tehran", "Iran"),
]
PROTESTERS = ["protesters", "demonstrators", "students", "teachers", "farmers", "traders", "opposition supporters",
              "health workers", "residents", "women activists", "truck drivers", "university lecturers", "youths",
              "supporters of the opposition party", "members of the civil society coalition", "unemployed graduates"]
CAUSES = ["to demand the payment of salary arrears", "against rising fuel prices", "against the new electoral law",
          "to denounce insecurity in the region", "calling for the release of detained activists",
          "against power cuts", "to protest the arrest of their leader", "against police brutality",
          "demanding land rights", "against the government's handling of the economy",
          "calling for the resignation of the governor", "against the construction of a dam",
          "to demand better working conditions", "against the postponement of elections", "against corruption"]
POLICE = ["police", "riot police", "security forces", "anti-riot police", "gendarmes", "soldiers"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
CIVS = ["civilians", "villagers", "residents", "farmers", "a family", "women and children", "passengers", "traders",
        "a civilian", "a local chief", "a teacher", "displaced people", "worshippers", "a shepherd"]
NUM_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "10", "12", "15", "20", "several", "at least 3"]


def pick(xs):
    return rng.choice(xs)


def slots():
    country, towns, state, rebels = pick(COUNTRIES)
    p_town, p_country = pick(PROTEST_PLACES)
    day = rng.randint(1, 28)
    date = f"{day} {pick(MONTHS)} {rng.randint(2016, 2023)}"
    return {
        "D": date, "On": pick([f"On {date}, ", f"On {date}, ", "", f"On the night of {date}, "]),
        "T": pick(towns), "T2": pick(towns), "C": country, "S": pick(state), "R": pick(rebels), "R2": pick(rebels),
        "N": pick(NUM_WORDS), "N2": pick(NUM_WORDS), "V": pick(CIVS),
        "PT": p_town, "PC": p_country, "PR": pick(PROTESTERS), "CA": pick(CAUSES), "PO": pick(POLICE),
    }


T = {}

T["Armed clash"] = [
    "{On}{S} clashed with {R} in {T} ({C}). {N} fighters were killed.",
    "{On}fighting broke out between {S} and {R} near {T}, {C}. Casualties unknown.",
    "{On}{R} attacked positions of {S} in {T} ({C}), sparking an exchange of fire that lasted several hours. {N} soldiers and {N2} militants were killed.",
    "{On}{S} engaged {R} in a gun battle on the outskirts of {T} ({C}).",
    "{On}heavy clashes took place between {R} and {R2} for control of {T} ({C}). {N} killed.",
    "{On}{S} ambushed a group of {R} in {T} district, {C}, killing {N} of them.",
    "{On}{R} ambushed a {S} patrol near {T} ({C}), and a firefight ensued. {N} soldiers killed.",
    "{On}an armed encounter between {S} and {R} was reported in {T} ({C}). Fatalities unknown.",
    "{On}{S} repelled an assault by {R} on a checkpoint in {T} ({C}) after an exchange of gunfire.",
    "{On}{S} conducted a military operation against {R} in {T} ({C}); {N} militants were killed in the fighting.",
    "Rival factions of {R} fought each other in {T} ({C}) {On2}, leaving {N} dead.",
    "{On}a shootout between {S} and suspected {R} in {T}, {C}, left {N} dead.",
]
T["Attack"] = [
    "{On}{R} attacked {V} in {T} ({C}), killing {N}.",
    "{On}unidentified gunmen shot dead {V} in {T} ({C}).",
    "{On}{R} stormed a village near {T} ({C}) and killed {N} {V}.",
    "{On}{S} shot and killed {V} at a checkpoint in {T} ({C}).",
    "{On}armed men opened fire on a bus carrying {V} near {T}, {C}, killing {N} passengers.",
    "{On}{R} raided a village in {T} ({C}), killing {N} villagers and burning houses.",
    "{On}the body of {V} was found in {T} ({C}) with gunshot wounds; {R} are suspected of the killing.",
    "{On}{R} killed a local chief in {T} ({C}) for allegedly collaborating with {S}.",
    "{On}a civilian was stabbed to death by {R} in {T} ({C}).",
    "{On}gunmen on motorbikes attacked worshippers at a mosque in {T} ({C}), killing {N}.",
    "{On}{R} massacred {N} civilians in {T}, {C}.",
    "{On}{S} executed {N} detainees in {T} ({C}).",
]
T["Abduction/forced disappearance"] = [
    "{On}{R} abducted {N} {V} in {T} ({C}).",
    "{On}gunmen kidnapped {V} from their home in {T} ({C}) and demanded a ransom.",
    "{On}{R} kidnapped {N} aid workers on the road to {T} ({C}).",
    "{On}{S} forcibly disappeared an activist in {T} ({C}); his whereabouts remain unknown.",
    "{On}armed men seized {N} passengers from a bus near {T}, {C}, and took them to an unknown location.",
    "{On}{R} took {N} students hostage at a school in {T} ({C}).",
    "{On}a journalist went missing in {T} ({C}) after being taken away by unidentified men in a car.",
    "{On}{R} abducted a local official in {T} ({C}) and released him days later.",
    "{On}bandits kidnapped {N} farmers working in their fields in {T} ({C}).",
    "{On}{N} women were abducted by {R} while fetching water near {T} ({C}).",
]
T["Sexual violence"] = [
    "{On}{R} raped {N} women in {T} ({C}).",
    "{On}a girl was raped by {S} in {T} ({C}).",
    "{On}{N} women were sexually assaulted by armed men near {T}, {C}.",
    "{On}{R} gang-raped a woman returning from the market in {T} ({C}).",
    "{On}soldiers of {S} sexually abused a detainee in {T} ({C}).",
    "{On}a woman was raped at gunpoint by {R} in {T} ({C}); her husband was beaten.",
    "{On}{R} sexually assaulted {N} displaced women at a camp in {T} ({C}).",
    "{On}a teenage girl was raped by a member of {S} in {T} ({C}) while collecting firewood.",
    "{On}local sources reported that {R} committed sexual violence against women in {T} ({C}).",
    "{On}a female activist was sexually assaulted in custody by {S} in {T} ({C}).",
]
T["Air/drone strike"] = [
    "{On}warplanes carried out airstrikes on {T} ({C}), killing {N} {R}.",
    "{On}a drone strike targeted a vehicle carrying {R} near {T} ({C}), killing {N}.",
    "{On}Russian jets bombed {T} in {C}; {N} civilians were killed.",
    "{On}coalition aircraft struck positions of {R} in {T} ({C}).",
    "{On}an unmanned aerial vehicle hit a house in {T} ({C}), killing {N}.",
    "{On}military helicopters bombed suspected hideouts of {R} in {T} ({C}).",
    "{On}US forces conducted an air strike against {R} near {T} ({C}). {N} militants were killed.",
    "{On}an air raid on a market in {T} ({C}) killed {N} people.",
    "{On}the air force pounded {R} positions in {T}, {C}.",
    "{On}{R} used an armed drone to attack a base of {S} in {T} ({C}).",
    "{On}helicopter gunships fired on {R} fighters near {T} ({C}), killing {N}.",
    "{On}regime warplanes dropped barrel bombs on {T} ({C}).",
]
T["Shelling/artillery/missile attack"] = [
    "{On}{S} shelled {T} ({C}), killing {N} {V}.",
    "{On}{R} fired mortars at {T} ({C}). No casualties reported.",
    "{On}artillery fire by {S} hit residential areas of {T} ({C}).",
    "{On}{R} launched rockets at a military base of {S} in {T} ({C}).",
    "{On}a ballistic missile fired by {R} struck {T} ({C}).",
    "{On}{S} bombarded positions of {R} in {T} ({C}) with heavy artillery.",
    "{On}{N} mortar rounds fell on a market in {T} ({C}), wounding {N2} people.",
    "{On}{R} fired Katyusha rockets towards {T} ({C}).",
    "{On}{S} targeted {T} ({C}) with tank and artillery fire.",
    "{On}a rocket hit a house in {T} ({C}), killing {N} members of a family.",
    "{On}cross-border shelling from {C} hit villages near {T}.",
    "{On}{R} shelled {S} positions near {T} ({C}) with mortars and heavy machine guns.",
]
T["Remote explosive/landmine/IED"] = [
    "{On}an IED exploded near a {S} vehicle in {T} ({C}), killing {N} soldiers.",
    "{On}a roadside bomb struck a minibus in {T} ({C}), killing {N} civilians.",
    "{On}a car bomb went off near a market in {T} ({C}).",
    "{On}a landmine exploded under a vehicle near {T} ({C}), wounding {N}.",
    "{On}{R} detonated an explosive device targeting a {S} patrol in {T} ({C}).",
    "{On}a child was killed when a landmine left by {R} exploded in {T} ({C}).",
    "{On}a magnetic bomb attached to a car exploded in {T} ({C}), killing its driver.",
    "{On}an improvised explosive device planted by {R} hit a convoy of {S} in {T} ({C}).",
    "{On}a bomb hidden in a motorcycle exploded at a checkpoint in {T} ({C}).",
    "{On}an explosion targeted the house of a local official in {T} ({C}); no casualties.",
    "{On}a vehicle-borne IED exploded at the entrance of a {S} base in {T} ({C}).",
    "{On}a booby-trapped house exploded in {T} ({C}) as villagers returned.",
]
T["Suicide bomb"] = [
    "{On}a suicide bomber blew himself up at a checkpoint in {T} ({C}), killing {N}.",
    "{On}a female suicide bomber detonated her explosive vest at a market in {T} ({C}).",
    "{On}{R} carried out a suicide car bomb attack on a {S} base in {T} ({C}).",
    "{On}a suicide attack on a mosque in {T} ({C}) killed {N} worshippers.",
    "{On}two suicide bombers attacked a camp for displaced people in {T} ({C}).",
    "{On}a suicide truck bomb exploded near a government compound in {T} ({C}); {R} claimed responsibility.",
    "{On}an attacker wearing an explosive belt blew himself up among {S} in {T} ({C}).",
    "{On}{R} claimed a suicide bombing that killed {N} people in {T} ({C}).",
    "{On}a suicide bomber rammed an explosives-laden vehicle into a police station in {T} ({C}).",
    "{On}a teenage suicide bomber killed {N} people at a bus station in {T} ({C}).",
]
T["Grenade"] = [
    "{On}unknown assailants threw a grenade at a {S} post in {T} ({C}), wounding {N}.",
    "{On}a hand grenade was hurled into a bar in {T} ({C}), injuring {N} people.",
    "{On}{R} lobbed a grenade at a police vehicle in {T} ({C}).",
    "{On}a grenade attack on a market in {T} ({C}) wounded {N} civilians.",
    "{On}a grenade thrown by a man on a motorcycle exploded near a church in {T} ({C}).",
    "{On}suspected {R} hurled a grenade at the house of a politician in {T} ({C}); no one was hurt.",
    "{On}militants attacked {S} with grenades in {T} ({C}), injuring {N} personnel.",
    "{On}a grenade exploded at a polling station in {T} ({C}), wounding {N}.",
    "{On}a child was injured when a grenade was tossed into a compound in {T} ({C}).",
    "{On}an attacker threw a grenade into a crowd at a bus stop in {T} ({C}).",
]
T["Chemical weapon"] = [
    "{On}{S} used chlorine gas against {T} ({C}), injuring {N} people.",
    "{On}a chemical attack on {T} ({C}) killed {N} civilians, who suffered from suffocation.",
    "{On}helicopters dropped barrels containing toxic gas on {T} ({C}).",
    "{On}residents of {T} ({C}) reported symptoms of sarin exposure after a rocket attack.",
    "{On}{R} fired shells filled with mustard gas at {S} in {T} ({C}).",
    "{On}doctors in {T} ({C}) treated {N} people for breathing difficulties after a suspected poison gas attack.",
    "{On}a nerve agent was used in an attack on {T} ({C}), according to the OPCW.",
    "{On}{N} people died of suffocation after chlorine bombs hit {T} ({C}).",
    "{On}rebels accused {S} of using chemical weapons in {T} ({C}).",
    "{On}a gas attack on an opposition-held neighbourhood of {T} ({C}) wounded {N}.",
]
T["Government regains territory"] = [
    "{On}{S} recaptured {T} ({C}) from {R}.",
    "{On}{S} regained control of {T} ({C}) after {R} withdrew following heavy fighting.",
    "{On}{S} retook several villages around {T} ({C}) from {R}.",
    "{On}{S} liberated {T} ({C}) from {R}, according to the defence ministry.",
    "{On}government troops took back control of {T} ({C}), which had been held by {R} since last year.",
    "{On}{S} recovered the town of {T} ({C}) from {R} after a two-day offensive.",
    "{On}{S} seized back {T} ({C}) from {R}, killing {N} militants.",
    "{On}{S} reestablished control over the district centre of {T} ({C}).",
    "{On}{S} cleared {R} from {T} ({C}) and regained the area.",
    "{On}the army announced it had recaptured the strategic hill overlooking {T} ({C}) from {R}.",
]
T["Non-state actor overtakes territory"] = [
    "{On}{R} seized control of {T} ({C}) from {S}.",
    "{On}{R} overran a {S} base in {T} ({C}) and took control of the area.",
    "{On}{R} captured {T} ({C}) after {S} fled.",
    "{On}{R} took over the district centre of {T} ({C}).",
    "{On}{T} ({C}) fell to {R} after heavy fighting with {S}.",
    "{On}{R} captured several villages around {T} ({C}) from {R2}.",
    "{On}{R} stormed and occupied the town of {T} ({C}), raising their flag.",
    "{On}{R} gained control of {T} ({C}) after {S} withdrew under fire.",
    "{On}{R} seized a strategic hill near {T} ({C}) from {S}.",
    "{On}{R} wrested control of {T} ({C}) from {S}, killing {N} soldiers.",
]
T["Non-violent transfer of territory"] = [
    "{On}{S} withdrew from {T} ({C}) and {R} took control of the town without fighting.",
    "{On}{R} handed over {T} ({C}) to {S} under a negotiated agreement.",
    "{On}{R} took over {T} ({C}) peacefully after {S} withdrew.",
    "{On}{S} pulled out of their positions in {T} ({C}); {R2} moved in without resistance.",
    "{On}{R} evacuated {T} ({C}) under a deal and {S} entered the town.",
    "{On}{S} handed over control of the {T} ({C}) checkpoint to {R} without clashes.",
    "{On}{R} withdrew from {T} ({C}) and transferred the area to {R2} without fighting.",
    "{On}{S} deployed to {T} ({C}) after {R} agreed to leave the town.",
    "{On}{S} abandoned their base in {T} ({C}), which was then occupied by {R} unopposed.",
    "{On}local elders negotiated the surrender of {T} ({C}) to {R}; no fighting took place.",
]
T["Headquarters or base established"] = [
    "{On}{R} established a new base in {T} ({C}).",
    "{On}{S} set up a military camp in {T} ({C}).",
    "{On}{R} opened a headquarters in {T} ({C}) to run their operations in the area.",
    "{On}{R} set up a checkpoint and a base near {T} ({C}).",
    "{On}{S} established a forward operating base in {T} ({C}).",
    "{On}{R} reportedly established a training camp in the forest near {T} ({C}).",
    "{On}{S} installed a new military post in {T} ({C}) to secure the road.",
    "{On}{R} moved into a school in {T} ({C}) and turned it into their headquarters.",
    "{On}{S} built a new outpost outside {T} ({C}).",
    "{On}{R} set up a command centre in {T} ({C}).",
]
T["Looting/property destruction"] = [
    "{On}{R} looted shops in {T} ({C}).",
    "{On}{R} burned down {N} houses in {T} ({C}).",
    "{On}unidentified men set fire to a school in {T} ({C}).",
    "{On}{S} looted property and torched homes in {T} ({C}).",
    "{On}{R} destroyed a telecommunications mast in {T} ({C}).",
    "{On}armed men stole livestock and looted a health centre in {T} ({C}).",
    "{On}{R} vandalised a church in {T} ({C}).",
    "{On}{R} set ablaze several vehicles belonging to a construction company in {T} ({C}).",
    "{On}a mob looted warehouses of an aid agency in {T} ({C}).",
    "{On}{S} demolished homes in {T} ({C}); no casualties.",
    "{On}{R} blew up a bridge near {T} ({C}) to cut supply routes.",
    "{On}gunmen raided a market in {T} ({C}), looting goods and burning stalls.",
]
T["Disrupted weapons use"] = [
    "{On}{S} defused an IED planted on the road to {T} ({C}).",
    "{On}{S} seized a weapons cache belonging to {R} in {T} ({C}).",
    "{On}air defences intercepted a missile fired at {T} ({C}).",
    "{On}a bomb disposal team safely detonated an explosive device found near {T} ({C}).",
    "{On}{S} foiled a suicide bomb attack in {T} ({C}) and arrested the would-be bomber.",
    "{On}{S} shot down a drone launched by {R} over {T} ({C}).",
    "{On}{S} discovered and dismantled a landmine in {T} ({C}).",
    "{On}{S} recovered rifles, ammunition and explosives from a hideout of {R} in {T} ({C}).",
    "{On}the coalition intercepted and destroyed a ballistic missile launched by {R} towards {T} ({C}).",
    "{On}{S} thwarted a car bomb attack in {T} ({C}) by intercepting the vehicle.",
    "{On}an unexploded shell was destroyed by engineers in {T} ({C}).",
    "{On}{S} found and neutralized {N} explosive devices along a road near {T} ({C}).",
]
T["Arrests"] = [
    "{On}{S} arrested {N} suspected members of {R} in {T} ({C}).",
    "{On}police detained {N} opposition activists in {T} ({C}).",
    "{On}{S} arrested a journalist in {T} ({C}) for criticising the government.",
    "{On}{N} people were detained by police in {T} ({C}) on charges of supporting {R}.",
    "{On}{S} rounded up {N} youths during a search operation in {T} ({C}).",
    "{On}police arrested a local leader of the opposition party in {T} ({C}).",
    "{On}{S} apprehended a suspected commander of {R} in {T} ({C}).",
    "{On}an opposition MP was taken into custody in {T} ({C}).",
    "{On}intelligence services arrested {N} human rights defenders in {T} ({C}).",
    "{On}police detained {N} people in {T} ({C}) over social media posts.",
]
T["Agreement"] = [
    "{On}{S} and {R} signed a ceasefire agreement in {T} ({C}).",
    "{On}{S} and {R} exchanged {N} prisoners near {T} ({C}).",
    "{On}a truce was agreed between {R} and {R2} in {T} ({C}).",
    "{On}the government and {R} signed a peace deal in {T} ({C}).",
    "{On}{R} released {N} captives in exchange for detained members as part of a deal in {T} ({C}).",
    "{On}community leaders brokered a reconciliation agreement between rival clans in {T} ({C}).",
    "{On}{R} agreed to a humanitarian ceasefire in {T} ({C}) to allow aid deliveries.",
    "{On}{S} and {R} reached an agreement on the evacuation of fighters from {T} ({C}).",
    "{On}{N} fighters of {R} surrendered and joined a disarmament programme in {T} ({C}) under an amnesty deal.",
    "{On}a local ceasefire between {S} and {R} came into force in {T} ({C}).",
]
T["Change to group/activity"] = [
    "{On}{R} announced a merger with {R2} in {T} ({C}).",
    "{On}{R} named a new leader following the death of its commander in {T} ({C}).",
    "{On}{R} launched a recruitment drive in {T} ({C}), enlisting {N} young men.",
    "{On}a faction split from {R} and formed a new group in {T} ({C}).",
    "{On}{R} relocated its fighters from {T} to {T2} ({C}).",
    "{On}{S} deployed additional troops to {T} ({C}) ahead of the elections.",
    "{On}{R} announced it was ending its armed struggle in {T} ({C}).",
    "{On}{N} members of {R} defected to the government in {T} ({C}).",
    "{On}{R} imposed a curfew and new taxes on residents of {T} ({C}).",
    "{On}a new armed group was formed in {T} ({C}) to fight {R}.",
    "{On}{S} reinforced its positions around {T} ({C}) with tanks and troops.",
    "{On}{R} held a military parade in {T} ({C}) to show its strength.",
]
T["Other"] = [
    "{On}{R} issued a statement in {T} ({C}) banning women from working with NGOs.",
    "{On}{R} announced a new policy forbidding music in {T} ({C}).",
    "{On}{S} imposed a blockade on {T} ({C}), preventing food deliveries.",
    "{On}{R} threatened to attack schools in {T} ({C}) if they did not close.",
    "{On}a curfew was declared in {T} ({C}) after unrest.",
    "{On}{R} distributed leaflets in {T} ({C}) warning residents not to vote.",
    "{On}{S} closed the border crossing at {T} ({C}).",
    "{On}a state of emergency was declared in {T} ({C}).",
    "{On}{R} ordered residents of {T} ({C}) to leave their homes within 48 hours.",
    "{On}{R} released a video in {T} ({C}) showing hostages and making demands.",
]
T["Peaceful protest"] = [
    "{On}{PR} held a peaceful demonstration in {PT} ({PC}) {CA}.",
    "{On}{PR} marched through the streets of {PT} ({PC}) {CA}.",
    "{On}hundreds of {PR} gathered outside the parliament in {PT} ({PC}) {CA}.",
    "{On}{PR} staged a sit-in in front of the governor's office in {PT} ({PC}) {CA}.",
    "{On}{PR} went on strike and rallied in {PT} ({PC}) {CA}.",
    "{On}a protest was held in {PT} ({PC}) by {PR} {CA}. The protest ended peacefully.",
    "{On}{PR} blocked a road in {PT} ({PC}) {CA}.",
    "{On}{PR} rallied in {PT} ({PC}) {CA}; no incidents were reported.",
    "{On}{PR} held a vigil in {PT} ({PC}) {CA}.",
    "{On}{PR} demonstrated in {PT} ({PC}) {CA}, carrying banners and chanting slogans.",
    "{On}{PR} began a hunger strike in {PT} ({PC}) {CA}.",
    "{On}thousands joined a march organised by {PR} in {PT} ({PC}) {CA}.",
]
T["Protest with intervention"] = [
    "{On}{PO} dispersed {PR} demonstrating in {PT} ({PC}) {CA} with tear gas.",
    "{On}{PO} fired tear gas to break up a protest by {PR} in {PT} ({PC}) {CA}.",
    "{On}{PR} protested in {PT} ({PC}) {CA}; {PO} arrested {N} of them.",
    "{On}{PO} used water cannon to disperse {PR} rallying in {PT} ({PC}) {CA}.",
    "{On}{PR} demonstrated peacefully in {PT} ({PC}) {CA} before {PO} intervened and detained several participants.",
    "{On}{PO} prevented {PR} from marching in {PT} ({PC}) {CA} and arrested organisers.",
    "{On}a sit-in by {PR} in {PT} ({PC}) {CA} was broken up by {PO}.",
    "{On}{PO} fired rubber bullets and tear gas at {PR} protesting {CA} in {PT} ({PC}). {N} were injured.",
    "{On}{PO} beat and dispersed {PR} who had gathered in {PT} ({PC}) {CA}.",
    "{On}{PR} marched in {PT} ({PC}) {CA}. {PO} intervened to disperse the crowd.",
]
T["Excessive force against protesters"] = [
    "{On}{PO} opened fire on {PR} demonstrating in {PT} ({PC}) {CA}, killing {N}.",
    "{On}{PO} shot dead {N} peaceful protesters in {PT} ({PC}) {CA}.",
    "{On}{PO} used live ammunition against {PR} in {PT} ({PC}), killing {N} and wounding {N2}.",
    "{On}a protester was killed when {PO} fired live rounds at a peaceful march in {PT} ({PC}) {CA}.",
    "{On}{PO} killed {N} unarmed demonstrators in {PT} ({PC}) during a protest {CA}.",
    "{On}{PR} protesting peacefully in {PT} ({PC}) {CA} were shot by {PO}; {N} died.",
    "{On}{PO} fatally shot a student during a peaceful sit-in in {PT} ({PC}).",
    "{On}a protester died after being beaten to death by {PO} at a demonstration in {PT} ({PC}) {CA}.",
    "{On}{PO} fired live bullets into a crowd of peaceful protesters in {PT} ({PC}), killing {N}.",
    "{On}{PO} ran over and killed a protester with an armoured vehicle in {PT} ({PC}) during a march {CA}.",
]
T["Violent demonstration"] = [
    "{On}{PR} rioted in {PT} ({PC}) {CA}, burning tyres and throwing stones at {PO}.",
    "{On}rioters torched a police station in {PT} ({PC}) {CA}.",
    "{On}{PR} clashed with {PO} in {PT} ({PC}) {CA}, pelting them with stones.",
    "{On}angry {PR} vandalised government buildings in {PT} ({PC}) {CA}.",
    "{On}{PR} attacked a police post in {PT} ({PC}) with stones and petrol bombs {CA}.",
    "{On}violent protests broke out in {PT} ({PC}) {CA}; demonstrators looted shops and set cars on fire.",
    "{On}{PR} stormed the governor's office in {PT} ({PC}) {CA} and smashed windows.",
    "{On}rioting {PR} blocked roads with burning barricades in {PT} ({PC}) {CA} and attacked passing vehicles.",
    "{On}{PR} threw Molotov cocktails at {PO} in {PT} ({PC}) {CA}. {N} officers were injured.",
    "{On}a protest in {PT} ({PC}) {CA} turned violent when {PR} set fire to a ruling party office.",
]
T["Mob violence"] = [
    "{On}a mob lynched a suspected thief in {PT} ({PC}).",
    "{On}villagers beat to death a man accused of witchcraft in {T} ({C}).",
    "{On}a mob attacked and burned the house of a man accused of blasphemy in {PT} ({PC}).",
    "{On}residents lynched {N} suspected kidnappers in {T} ({C}).",
    "{On}a crowd beat a motorcycle thief to death in {PT} ({PC}).",
    "{On}supporters of rival parties attacked each other with sticks and machetes in {PT} ({PC}), leaving {N} injured.",
    "{On}an angry mob set a suspected child abductor on fire in {PT} ({PC}).",
    "{On}a group of youths attacked migrants in {PT} ({PC}), injuring {N}.",
    "{On}villagers armed with machetes attacked members of a rival community in {T} ({C}), killing {N}.",
    "{On}a mob stormed a police cell in {PT} ({PC}) and killed a suspect held there.",
]

# Second batch: other voices and word orders (passive, news-style, casualty-first), so the dev split is not a
# copy of the training phrasings.
T["Armed clash"] += [
    "{N} soldiers and {N2} rebels were killed in fighting between {S} and {R} in {T} ({C}).",
    "{On}{R} and {S} exchanged fire for several hours in {T} ({C}).",
    "Intense battles raged {On2} between {S} and {R} around {T} ({C}), with both sides reporting losses.",
    "{On}{S} fought off {R} who tried to overrun their position in {T} ({C}).",
    "{On}{R} launched an offensive against {S} near {T} ({C}); the fighting continued into the night.",
    "{On}members of {R} and {R2} fought over a checkpoint in {T} ({C}), leaving {N} fighters dead.",
]
T["Attack"] += [
    "{N} {V} were killed when {R} opened fire on them in {T} ({C}).",
    "{On}suspected {R} hacked {N} villagers to death with machetes in {T} ({C}).",
    "{On}a man was shot dead by unknown assailants in {T} ({C}).",
    "{On}{R} beheaded a farmer in {T} ({C}).",
    "{On}gunmen attacked a wedding party in {T} ({C}), killing {N} guests.",
    "{On}{S} beat {V} to death during a search operation in {T} ({C}).",
]
T["Abduction/forced disappearance"] += [
    "{N} {V} were abducted by {R} in {T} ({C}).",
    "{On}a businessman was kidnapped by gunmen in {T} ({C}).",
    "{On}the whereabouts of a man detained by {S} in {T} ({C}) remain unknown; his family says he was forcibly disappeared.",
    "{On}{R} seized {N} fishermen off the coast near {T} ({C}) and held them for ransom.",
    "{On}a priest was abducted from his parish in {T} ({C}).",
    "{On}{R} captured {N} soldiers during a raid in {T} ({C}) and took them hostage.",
]
T["Sexual violence"] += [
    "{N} women were raped by {R} in {T} ({C}).",
    "{On}a displaced girl was sexually abused by a soldier of {S} in {T} ({C}).",
    "{On}a woman was raped by unidentified armed men while working on her farm in {T} ({C}).",
    "{On}{R} abducted and raped a girl in {T} ({C}).",
    "{On}a member of {S} raped a minor in {T} ({C}) and was later arrested.",
    "{On}{N} women reported being sexually assaulted by {R} at a checkpoint near {T} ({C}).",
]
T["Air/drone strike"] += [
    "{N} people were killed in airstrikes on {T} ({C}).",
    "{On}a US drone killed {N} suspected {R} in {T} ({C}).",
    "{On}warplanes targeted a hospital in {T} ({C}), killing {N}.",
    "{On}Israeli aircraft struck a building in {T} ({C}).",
    "{On}the air force bombed a convoy of {R} near {T} ({C}).",
    "{On}an airstrike by the coalition hit a wedding in {T} ({C}), killing {N} civilians.",
]
T["Shelling/artillery/missile attack"] += [
    "{N} civilians were killed by shelling in {T} ({C}).",
    "{On}{T} ({C}) came under heavy artillery fire from {S}.",
    "{On}a missile strike by {S} hit a residential building in {T} ({C}).",
    "{On}{R} fired rockets into a residential area of {T} ({C}), wounding {N}.",
    "{On}a mortar shell landed on a school in {T} ({C}), killing {N} children.",
    "{On}{S} used multiple rocket launchers against {R} positions in {T} ({C}).",
]
T["Remote explosive/landmine/IED"] += [
    "{N} soldiers were killed when their vehicle hit a landmine in {T} ({C}).",
    "{On}a bomb exploded in a crowded market in {T} ({C}), killing {N}.",
    "{On}a remote-controlled bomb targeted a police vehicle in {T} ({C}).",
    "{On}{N} people were wounded in a blast near a bus station in {T} ({C}); {R} were blamed.",
    "{On}a sticky bomb attached to a car exploded in {T} ({C}), killing a government official.",
    "{On}a herder was injured when he stepped on a mine in {T} ({C}).",
]
T["Suicide bomb"] += [
    "{N} people were killed when a suicide bomber struck a market in {T} ({C}).",
    "{On}a suicide bomber targeted a funeral in {T} ({C}).",
    "{On}a suicide bomber on foot detonated explosives at a police checkpoint in {T} ({C}), killing {N} officers.",
    "{On}{R} sent suicide car bombs against {S} positions in {T} ({C}).",
    "{On}a suicide attacker blew himself up inside a mosque in {T} ({C}).",
    "{On}two female suicide bombers blew themselves up in {T} ({C}), killing {N}.",
]
T["Grenade"] += [
    "{N} people were injured in a grenade blast in {T} ({C}).",
    "{On}a grenade was thrown at a police station in {T} ({C}), wounding {N} officers.",
    "{On}suspected {R} attacked a checkpoint with hand grenades in {T} ({C}).",
    "{On}a grenade hurled into a crowd at a political rally in {T} ({C}) injured {N}.",
    "{On}an assailant lobbed a grenade at the home of a judge in {T} ({C}).",
    "{On}militants threw a grenade at a patrol of {S} in {T} ({C}); no casualties.",
]
T["Chemical weapon"] += [
    "{N} people suffocated in a suspected chemical attack in {T} ({C}).",
    "{On}{S} allegedly dropped chlorine-filled bombs on {T} ({C}).",
    "{On}activists said a toxic gas was released over {T} ({C}) after a helicopter raid; {N} died.",
    "{On}medics in {T} ({C}) reported victims with symptoms of exposure to a chemical agent.",
    "{On}{R} used chemical weapons against {S} near {T} ({C}), according to the army.",
    "{On}shells containing mustard agent hit {T} ({C}), injuring {N}.",
]
T["Government regains territory"] += [
    "{T} ({C}) was retaken by {S} from {R}.",
    "{On}{S} announced the full liberation of {T} ({C}) from {R}.",
    "{On}{S} entered {T} ({C}) after driving out {R}.",
    "{On}{S} regained several areas near {T} ({C}) that had been under the control of {R}.",
    "{On}{S} recaptured a military base in {T} ({C}) lost to {R} a week earlier.",
    "{On}{S} retook the city centre of {T} ({C}) from {R}, after weeks of fighting.",
]
T["Non-state actor overtakes territory"] += [
    "{T} ({C}) was captured by {R} after {S} retreated.",
    "{On}{R} took control of several villages near {T} ({C}) from {S}.",
    "{On}{R} seized {T} ({C}), forcing {S} to withdraw.",
    "{On}{R} captured a military base of {S} in {T} ({C}).",
    "{On}{R} overran {T} ({C}) and raised their flag over the district headquarters.",
    "{On}{R} took over {T} ({C}), previously held by {R2}, after clashes.",
]
T["Non-violent transfer of territory"] += [
    "{T} ({C}) was handed over to {S} by {R} without a shot fired.",
    "{On}{R} withdrew from {T} ({C}) under a deal, and {R2} took control without clashes.",
    "{On}{S} withdrew from {T} ({C}), leaving the town to {R}; no fighting was reported.",
    "{On}{R} peacefully handed control of {T} ({C}) to {S} as part of a reconciliation agreement.",
    "{On}{S} took over positions in {T} ({C}) vacated by {R}, without resistance.",
    "{On}{R} entered {T} ({C}) after {S} left the town; there were no clashes.",
]
T["Headquarters or base established"] += [
    "A new military base was established by {S} in {T} ({C}).",
    "{On}{R} set up a base in the hills outside {T} ({C}).",
    "{On}{S} opened a new military camp near {T} ({C}).",
    "{On}{R} established a headquarters in a village near {T} ({C}).",
    "{On}{S} established a new base in {T} ({C}) to fight {R}.",
    "{On}{R} established positions and a new base in {T} ({C}).",
]
T["Looting/property destruction"] += [
    "{N} houses were burnt by {R} in {T} ({C}).",
    "{On}{R} torched a school in {T} ({C}).",
    "{On}unknown men destroyed a mobile phone mast in {T} ({C}).",
    "{On}{S} looted shops in {T} ({C}) after taking over the town.",
    "{On}{R} burned crops and stole cattle in {T} ({C}).",
    "{On}arsonists set fire to a government office in {T} ({C}).",
]
T["Disrupted weapons use"] += [
    "An explosive device was defused by {S} in {T} ({C}).",
    "{On}{S} found a large weapons cache in {T} ({C}).",
    "{On}{S} intercepted {N} rockets fired by {R} over {T} ({C}).",
    "{On}{S} seized explosives and detonators from a house in {T} ({C}).",
    "{On}{S} defused a car bomb parked near a market in {T} ({C}).",
    "{On}{S} shot down a drone loaded with explosives near {T} ({C}).",
]
T["Arrests"] += [
    "{N} activists were arrested by police in {T} ({C}).",
    "{On}{S} detained a journalist in {T} ({C}).",
    "{On}police arrested {N} suspected gang members in {T} ({C}).",
    "{On}{S} arrested {N} people in {T} ({C}) for allegedly collaborating with {R}.",
    "{On}a former minister was arrested in {T} ({C}) on corruption charges.",
    "{On}{S} detained {N} people during a raid on a house in {T} ({C}).",
]
T["Agreement"] += [
    "A ceasefire agreement was signed between {S} and {R} in {T} ({C}).",
    "{On}{R} and {R2} agreed to end hostilities in {T} ({C}).",
    "{On}{S} and {R} swapped {N} prisoners in {T} ({C}).",
    "{On}{S} and {R} agreed on a truce in {T} ({C}) mediated by tribal elders.",
    "{On}{R} released {N} hostages under an agreement with the government in {T} ({C}).",
    "{On}representatives of {S} and {R} signed an agreement in {T} ({C}) to reopen roads.",
]
T["Change to group/activity"] += [
    "A new commander was appointed to lead {R} in {T} ({C}).",
    "{On}{R} announced that it had joined {R2} in {T} ({C}).",
    "{On}{R} recruited {N} young men in {T} ({C}).",
    "{On}{S} redeployed troops from {T} to {T2} ({C}).",
    "{On}hundreds of fighters of {R} moved from {T} to {T2} ({C}).",
    "{On}{R} changed its name and announced a new leadership in {T} ({C}).",
]
T["Other"] += [
    "{On}{R} announced a ban on smartphones in {T} ({C}).",
    "{On}{R} published a statement in {T} ({C}) declaring a new policy on taxation of traders.",
    "{On}{S} cut internet access in {T} ({C}).",
    "{On}a landmine awareness campaign was launched in {T} ({C}).",
    "{On}{R} warned residents of {T} ({C}) against cooperating with {S}.",
    "{On}{S} ordered the closure of markets in {T} ({C}).",
]
T["Peaceful protest"] += [
    "Hundreds of {PR} protested in {PT} ({PC}) {CA}.",
    "{On}{PR} gathered peacefully in {PT} ({PC}) {CA}.",
    "{On}{PR} held a rally in {PT} ({PC}) {CA}.",
    "{On}{PR} took to the streets of {PT} ({PC}) {CA}.",
    "{On}{PR} organized a demonstration in {PT} ({PC}) {CA}.",
    "{On}{PR} picketed the ministry in {PT} ({PC}) {CA}.",
]
T["Protest with intervention"] += [
    "{PR} protesting {CA} in {PT} ({PC}) were dispersed by {PO}.",
    "{On}{PO} used tear gas and batons to disperse {PR} in {PT} ({PC}) {CA}.",
    "{On}{PO} broke up a rally of {PR} in {PT} ({PC}) {CA} and detained {N}.",
    "{On}{PO} blocked and dispersed a march of {PR} in {PT} ({PC}) {CA}.",
    "{On}{PR} protesting {CA} in {PT} ({PC}) were arrested by {PO}.",
    "{On}{PO} fired warning shots in the air to disperse {PR} in {PT} ({PC}) {CA}.",
]
T["Excessive force against protesters"] += [
    "{N} protesters were shot dead by {PO} in {PT} ({PC}).",
    "{On}{PO} killed {N} people protesting peacefully {CA} in {PT} ({PC}).",
    "{On}{PO} opened fire on a peaceful march in {PT} ({PC}), killing a student.",
    "{On}a demonstrator died after {PO} shot him during a peaceful protest {CA} in {PT} ({PC}).",
    "{On}{PO} used live fire on {PR} in {PT} ({PC}), killing {N}.",
    "{On}{PO} fired live ammunition at {PR} protesting {CA} in {PT} ({PC}); {N} died of gunshot wounds.",
]
T["Violent demonstration"] += [
    "{PR} set fire to a police station in {PT} ({PC}) {CA}.",
    "{On}{PR} pelted {PO} with stones in {PT} ({PC}) {CA}.",
    "{On}{PR} rioted in {PT} ({PC}), torching vehicles {CA}.",
    "{On}{PR} burned tyres and vandalised shops in {PT} ({PC}) {CA}.",
    "{On}angry {PR} attacked the governor's convoy with stones in {PT} ({PC}) {CA}.",
    "{On}{PR} clashed with {PO} in {PT} ({PC}) {CA}, throwing petrol bombs.",
]
T["Mob violence"] += [
    "A suspected thief was lynched by a mob in {PT} ({PC}).",
    "{On}a mob beat {N} men accused of cattle theft in {T} ({C}).",
    "{On}an angry crowd burnt a man to death in {PT} ({PC}) after accusing him of theft.",
    "{On}residents attacked and killed a suspected robber in {PT} ({PC}).",
    "{On}a mob attacked a health worker in {PT} ({PC}), accusing her of spreading disease.",
    "{On}villagers lynched a man suspected of kidnapping in {T} ({C}).",
]

# Third batch: news-report voice (officials quoted, context sentences around the event), for the classes whose
# aggregate CASE scores were weakest; still written from the codebook definitions, not from any CASE row.
T["Armed clash"] += [
    "The military said {N} militants were killed when {S} repulsed an attack by {R} on their base in {T}, {C}.",
    "Fierce fighting between {S} and {R} continued for a third day around {T} ({C}), officials said.",
    "{R} fighters and {S} battled with heavy weapons in {T} ({C}) {On2}, a local official told reporters.",
    "At least {N} people died in clashes between {R} and {R2} in {T} ({C}), according to local sources.",
]
T["Attack"] += [
    "Police said gunmen killed {N} people in an attack on a village near {T} ({C}) {On2}.",
    "{R} were blamed for the killing of {N} {V} whose bodies were found near {T} ({C}).",
    "Witnesses said armed men went from house to house in {T} ({C}), shooting residents.",
]
T["Disrupted weapons use"] += [
    "Soldiers discovered an arms depot belonging to {R} near {T} ({C}), containing rockets and ammunition.",
    "The army said it had thwarted a plot by {R} to bomb a church in {T} ({C}) and seized the explosives.",
    "Police found {N} mortar shells and a rocket launcher hidden in a farm near {T} ({C}).",
    "Explosive experts safely removed a bomb planted near a school in {T} ({C}), officials said.",
    "The Iron Dome system intercepted rockets fired from {T} ({C}), the military said.",
    "{S} confiscated weapons and grenades during a search of a house in {T} ({C}).",
]
T["Change to group/activity"] += [
    "{R} said it had appointed a new spokesman and restructured its command in {T} ({C}).",
    "Hundreds of {S} reinforcements arrived in {T} ({C}) to prepare for an offensive against {R}.",
    "A splinter group of {R} announced its formation in {T} ({C}), pledging allegiance to the Islamic State.",
    "{N} fighters of {R} laid down their arms and surrendered to {S} in {T} ({C}).",
]
T["Government regains territory"] += [
    "The defence ministry said {S} had regained control of {T} ({C}), which {R} had held since 2014.",
    "{S} pushed {R} out of {T} ({C}) and raised the national flag over the town hall.",
    "After a week-long offensive, {S} retook the airport of {T} ({C}) from {R}.",
]
T["Non-state actor overtakes territory"] += [
    "{R} said it had taken full control of {T} ({C}) after {S} abandoned their positions.",
    "{T} ({C}) fell into the hands of {R} after a night of fighting, residents said.",
    "{R} seized a border crossing near {T} ({C}) from {S}.",
]
T["Non-violent transfer of territory"] += [
    "Under the agreement, {R} will hand over the town of {T} ({C}) to {S}, who entered it without fighting.",
    "{S} troops withdrew from {T} ({C}) and handed their bases to {R2}, residents said.",
    "{R} retreated from {T} ({C}) without a fight, and {S} moved in.",
]
T["Other"] += [
    "{R} said in a statement that it would no longer allow girls to attend secondary schools in {T} ({C}).",
    "The authorities in {T} ({C}) imposed a ban on motorcycles after a wave of attacks.",
    "{R} declared {T} ({C}) a no-go zone for aid agencies.",
]
T["Peaceful protest"] += [
    "Thousands of people took part in a march in {PT} ({PC}) {CA}, organisers said.",
    "{PR} carrying placards gathered outside the presidential palace in {PT} ({PC}) {CA}.",
    "In {PT} ({PC}), {PR} staged a protest {CA}; it passed off peacefully.",
]
T["Protest with intervention"] += [
    "Police in {PT} ({PC}) arrested {N} {PR} who were protesting {CA}.",
    "{PO} cordoned off the square in {PT} ({PC}) and detained {PR} who gathered {CA}.",
    "A march by {PR} in {PT} ({PC}) {CA} was stopped by {PO}, who confiscated banners and made arrests.",
]
T["Excessive force against protesters"] += [
    "Witnesses said {PO} fired directly into a crowd of unarmed protesters in {PT} ({PC}), killing {N}.",
    "Doctors in {PT} ({PC}) said {N} protesters had died of gunshot wounds after {PO} opened fire on a peaceful rally {CA}.",
    "A peaceful demonstrator was shot in the head by {PO} in {PT} ({PC}) and died in hospital.",
    "Human rights groups said {PO} killed {N} peaceful protesters in {PT} ({PC}) with live ammunition.",
]
T["Violent demonstration"] += [
    "Protesters in {PT} ({PC}) set fire to government vehicles and attacked police with stones {CA}.",
    "Demonstrators in {PT} ({PC}) ransacked the offices of the ruling party {CA}.",
    "Rioters in {PT} ({PC}) looted shops and burned buildings {CA}; {N} police officers were injured.",
    "Hundreds of {PR} blocked roads with burning tyres and stoned passing cars in {PT} ({PC}) {CA}.",
]

KNOWN = {"Armed clash", "Attack", "Abduction/forced disappearance", "Sexual violence", "Air/drone strike",
         "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb", "Grenade",
         "Chemical weapon", "Government regains territory", "Non-state actor overtakes territory",
         "Non-violent transfer of territory", "Headquarters or base established", "Looting/property destruction",
         "Disrupted weapons use", "Arrests", "Agreement", "Change to group/activity", "Other", "Peaceful protest",
         "Protest with intervention", "Excessive force against protesters", "Violent demonstration", "Mob violence"}
assert set(T) == KNOWN, set(T) ^ KNOWN


def render(template):
    s = slots()
    s["On2"] = "on " + s["D"]
    text = template.format(**s)
    return text[0].upper() + text[1:]


print("id\tsub_event_type\tsplit\tsnippet")
n = 0
for sub in T:
    seen = set()
    templates = T[sub]
    i = 0
    while i < PER_TYPE:
        j = i % len(templates)
        text = render(templates[j])
        if text in seen:
            continue
        seen.add(text)
        n += 1
        i += 1
        # Whole templates are held out for dev, so the dev score measures unseen phrasings, not unseen fillers.
        split = "dev" if j % 5 == 4 else "train"
        print(f"{n}\t{sub}\t{split}\t{text}")

