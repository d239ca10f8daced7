"""The trigger lexicon, as data: Arabic verbs, nouns and fixed phrases with a CAMEO code each.

Why hand-curated rather than a bulk import of UniversalPetrarch's `up_ar_CAMEO.ar.0.5.txt`: that dictionary
is lemma-based (it needs a morphological analyser we do not ship) and most codes sit on synonym-set headers
inherited by every member (`أخذ`, `تلقى` "take/receive" carry PROTEST 141; `وضع` "put" carries 139), so a
direct import codes half of all sentences. The entries below were chosen by reading that dictionary and the
CAMEO codebook, kept where the word is an unambiguous news trigger, and coded with CAMEO codes so that the
PLOVER type comes from CAMEO2PLOVER (`marsad.events.cameo`). A `/mode` suffix overrides the mode with the
name the PLOVER manual (v2.0, Tables 3.1-3.11) uses, since CAMEO2PLOVER's modes are older names.

Line format (spelling is normalised at load, so أ/ا, ة/ه, ى/ي do not matter)::

    CODE[/mode]  KIND  forms...  [; option option=value ...]

KIND: `V` verb lemmas (perfect 3rd masc. sg.; `lemma>stem` gives the imperfect stem when it is not the
regular one: `ادان>دين` → يدين, تدين), `N` nouns/participles (every form listed, singular and plural),
`PV`/`PN` fixed phrases whose words are joined by `_` (first word a verb lemma / a noun), `STOP` phrases
and names that contain a trigger word but are not events (`مجلس_التعاون`, `رئيس_التحرير`).

Options: `need=a,b` one of these words (proclitics and article stripped; `x*` = prefix) must follow within
three tokens, else no event; `mil` the sentence needs military vocabulary; `protest` it needs protest
vocabulary; `sport` the trigger is dropped in sports sentences (هجوم "attack" = an offensive play);
`victim` the noun's genitive is the recipient (اغتيال X, اعتقال X), not the actor; `cas` a casualty word
(مقتل) that joins a preceding event of its sentence instead of opening one; `place` a place mention must
follow within three tokens (تحرير حلب, not رئيس التحرير), counted from the `need` word when there is one
(سيطرت القوات أمس على مطار X); `obj` an entity mention must follow within four tokens (دعم X, not دعم الاقتصاد);
`reach=N` how many words after the trigger `need` looks at (default 4: the object may stand after a
subject: «حمّلت النقابة الوزارة المسؤولية», «وقّعت الدولتان في العاصمة أمس اتفاقاً»);
`bcomp` a بـ complement (بقصف، بالرد) must follow within four words: what is threatened, not what is
endangered («يهدد الأمن»، «التهديد الإرهابي»); `nob` not when the next word starts with بـ (يتظاهر بالتعالم "pretends"); `participant` the protest's
participants (المتظاهرون): they make a protest whatever they are said to do, also inside a generic-agent
mention; `crowd` a crowd word (آلاف، مئات، عشرات، حشود، جموع) or participants within five words; `street` a
street or square (or أمام, in front of), or protest vocabulary, in the sentence; `human` people (a person, suspects, a number of them, a named person) must follow within three words
(أوقفت الشرطة ثلاثة أشخاص, not أوقفت الشركة خططها); `target` a verb of destroying or killing whose
object must be a possible target (people, forces, places, buildings, vehicles): «لقتل الدود» is no attack; `light` a support verb (شن، نفذ) that carries
tense and subject for a following noun trigger but is no trigger itself; `conf=x` base confidence.
"""

LEXICON = r"""
# ---------------------------------------------------------------- ASSAULT (CAMEO 18-20)
190            V  قصف هاجم اغار قاتل ; sport
190            V  استهدف ; mil sport
190            V  اعتدى>عتدي ; conf=0.5
190            V  اقتحم ; mil
190            V  اشتبك ; conf=0.7
190/firearms   N  اشتباك اشتباكات ; conf=0.7
190            N  صدام صدامات مصادمات ; mil conf=0.6
190            N  قصف هجوم هجمات هجمه الهجوم اعتداء اعتداءات عدوان غزو اجتياح توغل اقتحام ; sport
190            N  استهداف ; mil sport
190            N  معارك معركه قتال مواجهات عمليه_عسكريه عمليات_عسكريه ; sport mil conf=0.5
190/aerial     PN حمله_جويه حملات_جويه الحمله_الجويه ; conf=0.8
190            PN حمله_عسكريه حملات_عسكريه الحمله_العسكريه ; mil conf=0.6
190            N  كمين كماين ; mil conf=0.7
190/aerial     N  غاره غارات طلعات_جويه ضربه_جويه ضربات_جويه قصف_جوي القصف_الجوي ; conf=0.85
190            N  ضربه ضربات ; mil sport conf=0.5
190            V  حرر ; place mil
190            N  تحرير ; place mil
190            V  طرد ; mil conf=0.5
190            N  طرد ; mil conf=0.5
190            PN السيطره_على ; place mil conf=0.5
190            V  سيطر ; need=على,علي reach=6 place mil conf=0.5
190            V  اسقط ; need=طائره,طائرات,طائرتين,مروحيه,مروحيات,مقاتله,مقاتلات,طائرة,درون,مسيره,مسيرات,صاروخ*,صواريخ,قذيف* reach=5 conf=0.7
190            N  اسقاط ; need=طائره,طائرات,طائرتين,مروحيه,مروحيات,مقاتله,مقاتلات,درون,مسيره,مسيرات,صاروخ*,صواريخ,قذيف* reach=5 conf=0.7
190            PV بسط_سيطرت* ; mil conf=0.5
1823           V  قتل ; cas target conf=0.6
1823           V  ذبح ; cas target conf=0.6
1823           N  قتل ; cas target conf=0.6
1823           N  مقتل مصرع استشهاد ; cas conf=0.6
1823           PV لقي_مصرع* لقي_حتف* ; cas conf=0.6
1823           PV سقط_قتلى سقط_شهداء ; cas conf=0.6
1823           PN سقوط_قتلى سقوط_شهداء سقوط_ضحايا ; cas conf=0.6
1823           V  استشهد ; cas conf=0.6
190            V  اطلق ; need=صاروخ*,صواريخ,قذائف,قذيف*,نار*,رصاص*,نيران*,قنابل,قنبل*,مقذوف*,غاز conf=0.8
190            N  اطلاق ; need=صاروخ*,صواريخ,قذائف,قذيف*,نار*,رصاص*,نيران*,قنابل,قنبل*,مقذوف*,غاز conf=0.75
190            PV فتح_النار فتح_نيران* ; conf=0.8
190/heavy-weapons N  قذائف قذيفه ; mil conf=0.7
1823/primitive V  طعن ; need=سكين*,بسكين*,بالسكين conf=0.6
1823/primitive PN هجوم_بسكين عمليه_طعن ; conf=0.8
1823/primitive V  احرق ; mil conf=0.5
1712/destroy   V  دمر هدم ; mil target conf=0.5
1712/destroy   N  تدمير هدم ; mil target victim conf=0.5
1832/explosives V  فجر ; conf=0.7
1832/explosives N  تفجير تفجيرات انفجار انفجارات عبوه_ناسفه عبوات_ناسفه سياره_مفخخه سيارات_مفخخه سياره_ملغومه لغم الغام ; conf=0.75
1832/explosives V  انفجر ; conf=0.6
1831/suicide-attack N  هجوم_انتحاري تفجير_انتحاري عمليه_انتحاريه انتحاري انتحاريه حزام_ناسف ; conf=0.85
1831/suicide-attack PV فجر_نفس* ; conf=0.85
185/targeted   V  اغتال ; conf=0.85
185/targeted   N  اغتيال اغتيالات محاوله_اغتيال تصفيه ; victim conf=0.85
185/targeted   V  اعدم ; conf=0.6
185/targeted   N  اعدام اعدامات ; victim conf=0.5
200/targeted   N  مجزره مجازر مذبحه مذابح ; conf=0.8
181/abduct     V  اختطف خطف ; conf=0.8
181/abduct     N  اختطاف خطف ; victim conf=0.8
1822/torture   V  عذب ; conf=0.7
1822/torture   N  تعذيب ; victim conf=0.7
1821/sexual    V  اغتصب ; conf=0.8
1821/sexual    N  اغتصاب ; conf=0.7
1821/sexual    N  تحرش ; conf=0.5
182/beat       V  ضرب ; need=مبرح*,بالعصي,بالهراوات conf=0.7
182/beat       PN ضرب_مبرح* ; conf=0.8
2041/unconventional N  هجوم_كيماوي هجوم_كيميائي هجمات_كيماويه هجمات_كيميائيه ; conf=0.9

# ---------------------------------------------------------------- PROTEST (CAMEO 14)
141/demo       V  تظاهر احتج اعتصم ; nob conf=0.85
141/demo       N  مظاهره مظاهرات تظاهره تظاهرات احتجاج احتجاجات اعتصام اعتصامات وقفه_احتجاجيه وقفات_احتجاجيه ; conf=0.8
# the participants: what protesters do (march, chant, burn, block, camp) is the protest, whatever the verb
141/demo       N  متظاهرين متظاهرون متظاهرات محتجين محتجون محتجات معتصمين معتصمون معتصمات ; participant conf=0.8
143/strike     N  مضربين مضربون ; participant conf=0.7
# a crowd gathering (تجمع مئات، احتشد الآلاف), a crowd taking to the streets (خرج الآلاف إلى الشوارع), chanting
141/demo       V  احتشد تجمهر ; crowd street conf=0.8
141/demo       V  تجمع ; crowd street conf=0.7
141/demo       V  خرج نزل سار>سير زحف تدفق ; crowd street conf=0.6
141/demo       V  هتف ; crowd sport conf=0.7
141/demo       N  مسيره مسيرات ; protest conf=0.6
141/demo       N  احتجاجيه الاحتجاجيه ; conf=0.6
141/demo       PN مسيره_احتجاجيه مسيرات_احتجاجيه مسيره_سلميه مسيرات_سلميه مسيرات_حاشده مسيره_حاشده ; conf=0.85
145/riot       N  شغب اعمال_شغب ; conf=0.8
143/strike     V  اضرب ; conf=0.6
143/strike     N  اضراب اضرابات مضربين ; conf=0.8
142/hunger     PN اضراب_عن_الطعام اضرابا_عن_الطعام مضربين_عن_الطعام ; conf=0.9
142/hunger     PV اضرب_عن_الطعام ; conf=0.9
143/boycott    PV قاطع_الانتخابات قاطع_الانتخاب* ; conf=0.7
143/boycott    PN مقاطعه_الانتخابات مقاطعه_الانتخاب* ; conf=0.7
144/obstruct   PV قطع_الطريق قطع_الطرق اغلق_الطريق ; protest conf=0.6

# ---------------------------------------------------------------- ACCUSE (CAMEO 09, 11)
111/disapprove V  ادان>دين دان>دين ; nob conf=0.85
111/disapprove V  ندد استنكر شجب انتقد ; conf=0.85
111/disapprove N  ادانه تنديد استنكار شجب انتقاد انتقادات ; conf=0.7
# a government's formal protest is a complaint, not a demonstration
111/disapprove PN مذكره_احتجاج مذكرة_احتجاج احتجاج_رسمي احتجاجا_رسميا ; conf=0.8
112/allege     V  اتهم ; conf=0.9
112/allege     N  اتهام ; victim conf=0.7
112/allege     N  اتهامات ; conf=0.7
112/allege     PV حمل_المسؤوليه حمل_مسؤوليه ; conf=0.7
112/allege     V  حمل ; need=المسؤوليه,مسؤوليه reach=7 conf=0.6
112/allege     N  متهما ; bcomp conf=0.6
112/allege     N  محملا ; need=المسؤوليه,مسؤوليه reach=6 conf=0.6
111/disapprove N  منددا مستنكرا ; conf=0.6
115/allege     PN دعوى_قضائيه رفع_دعوى ; conf=0.7
090/investigate PV فتح_تحقيق* ; conf=0.8
090/investigate N  تحقيق تحقيقات ; need=في,مع,حول conf=0.6

# ---------------------------------------------------------------- REJECT (CAMEO 12)
120            V  رفض ; conf=0.7
120            V  نفى>نفي ; conf=0.4
129            PV استخدم_الفيتو استخدم_حق_النقض ; conf=0.9

# ---------------------------------------------------------------- THREATEN (CAMEO 13)
130            V  هدد توعد ; bcomp conf=0.8
130            N  تهديد تهديدات ; bcomp conf=0.6
139            N  انذار انذارا ; mil conf=0.5
138/violence   PN تهديد_عسكري ; conf=0.8

# ---------------------------------------------------------------- REQUEST (CAMEO 02, 10)
100            V  طالب طلب ناشد حث ; conf=0.7
100            V  دعا>دعو ; conf=0.7
100            N  مطالبه مطالبات مناشده دعوه دعوات ; conf=0.5
100            N  داعيا مطالبا مناشدا ; conf=0.6

# ---------------------------------------------------------------- AGREE / SUPPORT (CAMEO 03, 05)
030            V  اتفق تعهد ; conf=0.7
030            PV توصل_الى_اتفاق* توصل_لاتفاق* ابرم_اتفاق* عقد_اتفاق* ; conf=0.8
030            PN التوصل_الى_اتفاق* التوصل_لاتفاق* ابرام_اتفاق* ; conf=0.7
031            V  وافق ; conf=0.6
051            V  اشاد رحب ايد>ويد ; conf=0.7
051            N  اشاده ; conf=0.5
051            PN برقيه_تهنئه برقيات_تهنئه ; conf=0.7
051            V  ثمن ; conf=0.5
# pledging allegiance and solidarity (the guide's SUPPORT: endorsement, pledge of allegiance)
051            V  بايع ; conf=0.7
051            N  مبايعه ; obj victim conf=0.6
051            V  اقسم ; need=الولاء,ولاء reach=8 conf=0.6
051            V  تضامن ; need=مع reach=4 conf=0.6
051            N  تضامن ; need=مع reach=4 conf=0.5
# admitting (اعترف بمعاناة …); with a state or body after بـ it is recognition (see senses.recognition)
080            V  اعترف ; bcomp conf=0.5
050            V  دعم ساند ; obj conf=0.6
050            N  دعم مسانده ; obj victim conf=0.4
057            PV وقع_اتفاق* وقع_اتفاقي* وقع_مذكره وقع_معاهده وقع_مذكرات ; conf=0.85
057            V  وقع ; need=اتفاقا,اتفاقيه,اتفاقيات,اتفاقات,معاهده,مذكره,مذكرات reach=10 conf=0.7
057            PN توقيع_اتفاق* توقيع_اتفاقي* توقيع_مذكره توقيع_معاهده ; conf=0.75
055            V  اعتذر ; conf=0.6

# ---------------------------------------------------------------- CONSULT (CAMEO 04)
040            V  التقى>لتقي اجتمع بحث_مع تشاور ; sport conf=0.7
040            N  اجتماع اجتماعات لقاء محادثات مباحثات مشاورات ; sport conf=0.6
046            V  تفاوض ; conf=0.8
046            N  مفاوضات تفاوض ; conf=0.7
041/phone      PN اتصال_هاتفي اتصالا_هاتفيا مكالمه_هاتفيه ; conf=0.85
042/visit      V  زار ; obj conf=0.7
042/visit      N  زياره ; obj conf=0.5
043/visit      V  استقبل ; sport obj conf=0.6
044/multilateral N  قمه ; conf=0.4
045            N  وساطه ; conf=0.5

# ---------------------------------------------------------------- COOPERATE / AID (CAMEO 06, 07)
060            V  تعاون ; obj conf=0.6
060            N  تعاون تنسيق ; obj conf=0.4
062            PN مناورات_مشتركه تدريبات_مشتركه تمرين_مشترك ; conf=0.8
070            V  ساعد ; obj conf=0.6
070            N  مساعدات معونات معونه اعانات ; conf=0.6
073            N  اغاثه مساعدات_انسانيه مساعدات_اغاثيه ; conf=0.6
072            PN مساعدات_عسكريه دعم_عسكري اسلحه_الى ; conf=0.7
075            PV منح_اللجوء ; conf=0.8

# ---------------------------------------------------------------- RETREAT / CONCEDE (CAMEO 08)
0872/withdraw  V  انسحب ; conf=0.8
0872/withdraw  N  انسحاب ; conf=0.7
0872/withdraw  V  سحب ; need=قوات*,القوات*,جنود*,جيش*,الجيش,وحدات*,قوه,مقاتلي*,سفير*,قوا* conf=0.6
0872/withdraw  N  سحب ; need=قوات*,القوات*,جنود*,جيش*,الجيش,وحدات*,قوه,مقاتلي*,الجزء,سفير*,قوا* conf=0.6
0841/release   PV اطلق_سراح افرج_عن ; conf=0.85
0841/release   PN اطلاق_سراح الافراج_عن افراج_عن ; conf=0.8
0841/release   N  الافراج ; conf=0.6
0871/ceasefire PN وقف_اطلاق_النار وقف_اطلاق_نار هدنه وقف_اطلاق ; conf=0.7
0874/disarm    V  استسلم ; mil conf=0.7
0874/disarm    N  استسلام ; mil conf=0.6
0874/resign    V  استقال>ستقيل ; conf=0.7
0874/resign    N  استقاله ; conf=0.6
080            N  تنازلات ; conf=0.5
080            N  عفو ; conf=0.5

# ---------------------------------------------------------------- SANCTION (CAMEO 16)
160/discontinue N  عقوبات ; obj conf=0.75
160/discontinue PV فرض_عقوبات ; conf=0.9
160/discontinue V  فرض ; need=عقوبات reach=5 conf=0.8
161/discontinue PV قطع_العلاقات قطع_علاقات* ; conf=0.85
161/discontinue PN قطع_العلاقات ; conf=0.8
166/expel      PV طرد_السفير طرد_سفير* طرد_دبلوماسي* ; conf=0.85
164/withdraw   PV علق_المفاوضات علق_مشاركت* ; conf=0.7

# ---------------------------------------------------------------- MOBILIZE (CAMEO 15)
154/troops     PV نشر_قوات نشر_قوه نشر_جنود نشر_الاف نشر_صواريخ دفع_بتعزيزات ارسل_قوات ارسل_تعزيزات ارسل_جنود حشد_قوات ; conf=0.8
154/troops     PN نشر_قوات نشر_جنود نشر_صواريخ حشد_قوات حشود_عسكريه ; conf=0.75
154/troops     N  تعزيزات ; mil conf=0.6
154/troops     V  حشد نشر ارسل ; need=قوات*,جنود*,تعزيزات*,مقاتلين*,مقاتليه*,وحدات*,دبابات*,الويه*,كتايب*,بتعزيزات*,بقوات* reach=5 conf=0.7
154/troops     V  زج ; mil need=بقوات,بعناصر,بمقاتلين,بتعزيزات,بقاده,بدفعه,بالاف,بمئات reach=2 conf=0.6
154/troops     N  زج ; mil conf=0.5
154/troops     PV تدخل_عسكريا ; conf=0.7
154/troops     PN تدخل_عسكري التدخل_العسكري ; conf=0.7
154/troops     PV تدخل_في_الحرب تدخل_في_سوريا ; conf=0.7
152/troops     PN حاله_التاهب رفع_حاله_التاهب استنفار ; conf=0.6

# ---------------------------------------------------------------- COERCE (CAMEO 17)
173/arrest     V  اعتقل احتجز ; conf=0.8
173/arrest     N  اعتقال اعتقالات احتجاز ; victim conf=0.75
173/arrest     PV القى_القبض قبض_على ; conf=0.85
173/arrest     PN القاء_القبض القبض_على ; victim conf=0.8
# arrest verbs that are also ordinary words (أوقف "stopped", ضبط "adjusted"): only with people after them
173/arrest     V  اوقف ضبط ; human conf=0.7
173/arrest     N  توقيف توقيفات ; human victim conf=0.7
174/deport     N  ترحيل ; victim conf=0.6
191/restrict   V  حاصر ; conf=0.7
191/restrict   N  حصار ; conf=0.6
191/restrict   PV فرض_حصار* فرض_الحصار ; conf=0.85
1723/curfew    PN حظر_التجول حظر_تجول ; conf=0.85
1724/martial-law PN حاله_الطوارئ الاحكام_العرفيه ; conf=0.6
1711/seize     V  داهم ; conf=0.7
1711/seize     N  مداهمه مداهمات مصادره ; conf=0.7
1721/censor    V  حجب ; conf=0.5

# ---------------------------------------------------------------- light verbs (carry subject/tense)
-              V  شن نفذ وجه شارك تبنى>تبني قاد>قود اعلن نظم قام>قوم خاض>خوض نصب ; light

# ---------------------------------------------------------------- names and idioms that are not events
STOP           P  مجلس_التعاون منظمه_التعاون رئيس_التحرير هيئه_تحرير_الشام تحرير_الشام حزب_التحرير جبهه_التحرير منظمه_التحرير الحشد_الشعبي الدعم_السريع طائره_مسيره طائرات_مسيره مسيره_التنميه مسيره_البناء منظمه_العفو العفو_الدوليه ضربه_جزاء ضربه_البدايه ضربه_حره ضربات_الترجيح ضربه_ركنيه قمه_المباراه جبهه_الانقاذ لجان_المقاومه هيئه_الاغاثه الاغاثه_الاسلاميه مركز_الملك_سلمان_للاغاثه حركه_المقاومه قوات_الدعم الدفاع_المدني مكافحه_الشغب شرطه_الشغب تحقيق_الاهداف تحقيق_التنميه تحقيق_الامن تحقيق_الاستقرار دعم_الاقتصاد بحث_علمي
# a checkpoint (Egyptian usage: كمين أمني ثابت, set up, not laid), not an ambush
STOP           P  كمين_امني كمينا_امنيا كماين_امنيه كمين_ثابت كمينا_ثابتا كماين_ثابته كمين_شرطه كماين_شرطه اقامه_كمين اقامه_كماين انشاء_كمين انشاء_كماين سلسله_كماين انشات_كمينا انشا_كمينا اقامت_كمينا اقام_كمينا انشات_كماين اقامت_كماين
# a battlefield, an interview, «in return for», lifting sanctions (no sanction imposed), legal penalties
STOP           P  ميدان_المعركه ساحه_المعركه ارض_المعركه ساحات_المعارك ميادين_القتال ساحات_القتال جبهات_القتال جبهه_القتال قمه_النجاح قمه_المجد قمه_الهرم قمه_الجبل قمه_الترتيب قمه_الدوري قمه_جدول قمه_السعاده قمه_التالق لقاء_تلفزيوني لقاء_صحفي لقاء_اذاعي لقاء_متلفز مقابله_تلفزيونيه مقابله_صحفيه لقاء_ما تصفيه_حساب تصفيه_حسابات تصفيه_الحسابات اللقاء_الديمقراطي اللقاء_الديموقراطي رفع_العقوبات رفع_عقوبات تخفيف_العقوبات تخفيف_عقوبات العقوبات_القانونيه اشد_العقوبات رفع_الحصار فك_الحصار كسر_الحصار
"""

# Generated forms that are, in running text, mostly another word: طالب "student", فجر "dawn", قاتل
# "killer/lethal", ثمن "price", وزارة "ministry" (و+زار+ه), فائدة "benefit", تشاد "Chad", طلبة "students", تدمر "Palmyra",
# أسير "prisoner" (not "I walk"), فدان "acre" (not "then condemned"), حملة "campaign" (not "held him responsible"), تحمّل
# "to bear" (not "she holds … responsible"), ذبح "the slaughter" of livestock, عفوًا "spontaneously", فجرًا "at dawn"
# (not the dual "the two blew up"),
# بائع "seller" (the hamza folds onto بايع "pledged allegiance"; its other inflections stay). Their other inflections (طالبت، يطالب، فجروا) stay triggers.
DROP_FORMS = frozenset({"طالب", "فجر", "وفجر", "ففجر", "قاتل", "ثمن", "وثمن", "بحث", "وزاره", "فايده", "تشاد",
                        "طالبه", "وطالبه", "طالبا", "طلبه", "مسيرته", "مسيرتها", "طلب", "وزارتها", "وزارتهم",
                        "تدمر", "اسير", "واسير", "فاسير", "فدان", "حمله", "وحمله", "حملته", "وحملته", "حملتها",
                        "وحملتها", "بحمله", "لحمله", "حمل", "وحمل", "تحمل", "وتحمل", "ذبح", "وذبح", "عفوا",
                        "بايع", "وبايع", "بايعه", "وبايعه", "بايعا", "بايعي", "بايعو", "ثمنا", "ثمنه", "ثمنها", "فجرا", "وفجرا"})
