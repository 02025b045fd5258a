using Sitrep.Places;

namespace Sitrep.Places.Tests;

/// <summary>A dozen-place gazetteer in the data/gazetteer formats, so unit tests do not need the embedded file.</summary>
internal static class TinyGazetteer
{
    private const string Places = """
        1	Tripoli		Tarabulus|Tripoli of Libya	32.8872	13.1913	PPLC	LY	77	1150989
        2	Tripoli		Trablous	34.4367	35.8497	PPLA	LB	09	229398
        3	Ar Raqqah		Raqqah	35.9528	39.0079	PPLA	SY	04	177636
        4	Deir ez-Zor		Dayr az Zawr	35.3359	40.1408	PPLA	SY	07	242565
        5	Hajin			34.6937	40.8305	PPL	SY	07	37935
        6	Mosul		Al Mawsil	36.3350	43.1189	PPLA	IQ	15	1739800
        7	Most			50.5030	13.6360	PPL	CZ	78	66644
        8	Obama			35.4957	135.7466	PPL	JP	40	30000
        9	Aleppo			36.2021	37.1343	PPLA	SY	09	1602264
        10	Beirut			33.8938	35.5018	PPLC	LB	04	1916100
        11	Kobani		Kobanî	36.8909	38.3536	PPL	SY	09	44821
        12	Mosul			40.0000	-80.0000	PPL	US	PA	600
        13	Ma‘arrat an Nu‘mān	Ma`arrat an Nu`man	Maarat al-Numaan|Maaret el Noman	35.6483	36.6769	PPLA2	SY	12	0
        14	Rusca	Rusca		45.2	22.4	PPL	RO	36	600
        15	Dūmā	Duma	Douma	33.5718	36.4027	PPLA2	SY	08	111864
        16	Damascus		Dimashq	33.5102	36.2913	PPLC	SY	13	1569394
        17	Idlib		Idleb	35.9306	36.6339	PPLA	SY	12	128840
        18	Belgium			43.4999	-87.8504	PPL	US	WI	2261
        19	Denmark			44.3477	-87.8273	PPL	US	WI	2123
        """;

    private const string Countries = """
        # iso2	name	aliases	demonyms	lat	lon
        SY	Syria	Syrian Arab Republic	Syrian|Syrians	35.0	38.5
        LB	Lebanon		Lebanese	33.9	35.8
        LY	Libya		Libyan|Libyans	27.0	17.0
        IQ	Iraq		Iraqi|Iraqis	33.0	43.5
        CZ	Czechia	Czech Republic	Czech	49.8	15.5
        JP	Japan		Japanese	36.0	138.0
        US	United States	USA|U.S.	American	39.76	-98.5
        RU	Russia	Russian Federation	Russian|Russians	61.5	105.3
        RO	Romania		Romanian	45.9	24.9
        BE	Belgium		Belgian	50.6	4.7
        DK	Denmark		Danish	56.0	10.0
        """;

    private const string Admin1 = """
        SY.04	Raqqa	Ar Raqqah	35.9	38.9	curated
        SY.07	Deir ez-Zor	Deir Ezzor|Dayr az Zawr	35.0	40.3	curated
        SY.09	Aleppo		36.2	37.3	curated
        IQ.15	Nineveh	Ninawa	36.1	42.5	curated
        SY.08	Rif Dimashq	Damascus Countryside|Rural Damascus	33.7	36.4	curated
        SY.13	Damascus	Dimashq	33.5	36.3	curated
        SY.12	Idlib	Idleb	35.8	36.6	curated
        US.WI	Wisconsin		44.5	-89.5	capital-derived
        LB.09	North Governorate	North Lebanon	34.4	35.9	curated
        LY.77	Tripoli		32.8	13.1	capital-derived
        """;

    private const string Features = """
        al-Omar oil field	Omar oil field	oilfield	34.98	40.58	SY	Deir ez-Zor	test
        Euphrates River	Euphrates	river	34.95	40.50	SY	Deir ez-Zor	test
        """;

    private const string Aliases = """
        Raqqa	SY	Ar Raqqah|Rakka	test
        Douma	SY	Duma	test
        Kobani	SY	Kobane|Ayn al Arab	test
        Atlantis	GR	Atlantida	test
        """;

    private const string StopList = """
        # test stop list
        most
        saturday
        will
        hollande
        obama
        """;

    private static readonly Lazy<Gazetteer> Instance = new(() => Gazetteer.Load(
        new StringReader(Places), new StringReader(Countries), new StringReader(Admin1),
        new StringReader(Features), new StringReader(Aliases), new StringReader(StopList)));

    /// <summary>The shared tiny gazetteer.</summary>
    public static Gazetteer Value => Instance.Value;
}
