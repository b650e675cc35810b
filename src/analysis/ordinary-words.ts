/**
 * Everyday English words that are also the names or acronyms of technologies. A form that
 * spells one of these with inner capitals ("REST", "reST", "SOAP") matches only as written,
 * and an alias that is one of these in title case ("Spring") needs support when it opens a
 * sentence.
 */
export const ordinaryWords: ReadonlySet<string> = new Set(
  `a i as at be by do go he if in is it me my no of on or so to up us we
  act add age aim air all and ant any ape arc are ark arm art ash ask bag bar bat bay bed bee bet
  big bin bit bow box bus but buy cab can cap car cat cog cop cow cry cub cup cut dam day den dew
  die dig dim dip dog dot dry due dye ear eat egg elk elm end era eve eye fan far fat fax fee few
  fig fin fir fit fix flu fly fog for fox fun fur gap gas gel gem get gig got gum gun gut guy gym
  had ham has hat hay hen her hip his hit hog hop hot how hub hue hug ice icy ill imp ink inn ion
  ivy jam jar jaw jet jig job jog joy key kid kin kit lab lad lag lap law lay leg let lid lie lip
  lit log lot low mad man map mat may mix mob mop mud mug nab nag nap net new nod nor not now nut
  oak oar oat odd off oil old one opt orb ore our out owl own pad pal pan par pat paw pay pea peg
  pen pet pew pie pig pin pit ply pod pop pot pro pub pug pun pup put rag ram ran rap rat raw ray
  red rib rid rig rim rip rob rod rot row rub rug rum run rut sad sag sap saw say sea see set sew
  shy sip sir sit six ski sky sly sob sod son sow soy spa spy sty sub sum sun tab tag tan tap tar
  tax tea ten tie tin tip toe ton too top tow toy try tub tug two urn use van vat vet via vow war
  wax way web wet who why wig win wit wok won yak yam yes yet you zip zoo
  able acid aged also arch area army atom aunt auto away axis baby back bake bald ball band bank
  bare bark barn base bash bath bead beam bean bear beat beef beer bell belt bend best bike bill
  bind bird bite blob blow blue blur boat body bold bolt bomb bond bone book boom boot bore born
  boss both bowl bulk bump burn bush busy cafe cage cake call calm camp cane card care cart case
  cash cast cell chat chef chip chop city clam clap claw clay clip club clue coal coat code coil
  coin cold comb cone cook cool cope copy cord core cork corn cost crab crew crib crop crow cube
  cure curl cute dare dark dart dash data date dawn deal dear deck deed deep deer desk dial dice
  diet dirt disc disk dive dock dome door dose dove down drag draw drip drop drum dual duck dune
  dusk dust duty each earn ease east easy echo edge else envy epic even ever exam exit face fact
  fail fair fake fall fame farm fast fate fear feed feel file fill film find fine fire firm fish
  fist five flag flat flip flow flux foam fold folk font food fool foot fork form fort four free
  frog fuel full fund fuse gain gait game gate gear gift girl give glad glow glue goal goat gold
  golf gone good gown grab gray grid grin grip grow gulf gust hack hail hair half hall halt hand
  hang hard harm harp hash have hawk head heal heap hear heat held helm help herb herd here hero
  hide high hike hill hint hire hold hole home hood hook hope horn hose host hour huge hull hunt
  hurt hush idea idle inch iron item jade jazz jest join joke jump junk jury just keen keep kick
  kind king kite knee knit knot know lace lack lake lamp land lane last late lawn lead leaf leak
  lean leap left lend lens less life lift like lime limp line link lint lion list live load loaf
  loan lock loft logo lone long look loop lord lose loss lost loud love luck lump lure lush made
  mail main make male mall many mark mask mass mast mate math maze meal mean meat meet melt memo
  menu mesh mild mile milk mill mind mine mint miss mist moat mode mold mole monk mood moon more
  moss most moth move much mule must myth nail name navy near neat neck need nest news next nice
  nine node none noon norm nose note noun oath obey once only open oral oven over pace pack page
  paid pail pain pair pale palm pane park part pass past path peak pear peel peer pick pier pile
  pill pine pink pipe plan play plea plot plow plug plum plus poem poet pole poll pond pony pool
  poor pork port pose post pour pray prep prey prop pull pulp pump pure push quiz race rack raft
  rage raid rail rain rake ramp rank rare rate read real reap rear reed reef rely rent rest rice
  rich ride rift ring riot rise risk road roam roar robe rock role roll roof room root rope rose
  ruby rule rush rust safe saga sage said sail sale salt same sand save scan seal seam seat seed
  seek seem self sell send shed ship shoe shop shot show shut sick side sift sigh sign silk sing
  sink site size skin skip slab sled slim slip slot slow snap snow soak soap sock sofa soft soil
  sold sole solo some song soon sore sort soul soup sour span spin spot spur star stay stem step
  stew stir stop such suit sure swan swap swim tail take tale talk tall tame tank tape task team
  tear tell tend tent term test text than that them then they thin this tide tidy tile till time
  tiny tire toad toil tone tool tour town trap tray tree trim trio trip true tube tuck tune turn
  twin type unit upon used user vary vase vast verb very vest veto view vine void volt vote wage
  wait wake walk wall wand want warm wash wave weak wear week well west what when whip wide wife
  wild will wind wine wing wire wise wish with wolf wood wool word work wrap yard yarn year yell
  zero zone
  agile alarm alert amber angel anvil apple arrow atlas badge baker beach beast blade blank blaze
  blend block bloom board boost brave bread brick brief broom brush buddy cable camel candy cargo
  carry chain chair chalk charm chart chase cheap check chess chief civil clamp clash clean clear
  cliff climb clock cloud coach coral couch count cover craft crane crash crisp cross crowd crown
  crush curve cycle daily dance delta depot diary digit draft drain drama dream dress drift drill
  drive eager eagle early earth elder ember empty entry equal event exact extra fable fabric facet
  faith false feast fence fetch fiber field final flame flash flask fleet float flock flood floor
  flour fluid flush focus force forge forum frame fresh front frost fruit funds giant glass gleam
  globe glory grace grain grand grant grape graph grass great green grill group grove guard guess
  guest guide habit happy harbor haven heart heavy hedge hello honey horse hotel house human humor
  hyper ideal image index inner input ivory jewel joint judge juice karma knife label laser latch
  later layer lemon level light limit linen liner logic loose lotus lucky lunar lunch magic major
  maker maple march match mayor medal merit metal meter minor mixer mocha model money month moose
  motor mount mouse mouth movie music nerve never noble noise north novel nurse ocean offer often
  olive onion opera orbit order organ other otter outer owner paint panda panel paper party patch
  pause peace pearl penny phase phone photo piano piece pilot pitch pixel pizza place plain plane
  plant plate plaza point polar porch pouch power press price pride prime print prism prize probe
  proof proud proxy pulse punch puppy quest queue quick quiet quota radar radio rally ranch range
  rapid raven razor react ready realm rebel relay remix reply rider ridge rifle right river roast
  robin robot rocky rough round route royal rural saber salad sauce scale scene scope score scout
  screw seven shade shake shape share shark sharp sheep sheet shelf shell shift shine shirt shock
  shore short sight sigma since skill slack slate sleep slice slide slope smart smile smoke snake
  solar solid sound south space spare spark speak speed spell spend spice spike spine spoke spoon
  sport spray squad stack staff stage stair stamp stand start state steam steel steep stick still
  stock stone store storm story stove strap straw strip study style sugar sunny super surge swamp
  sweet swift swing sword table taste teach theme thing think tiger title toast token topic torch
  total touch tough tower trace track trade trail train treat trend trial tribe trick troop truck
  trust truth tulip twist ultra uncle under union unity until upper urban usage valid value valve
  vapor vault venom video vigor vinyl viper virus vista visit vital vivid voice wagon watch water
  whale wheat wheel white whole world worth yacht yield young youth
  rails windows
  bridge chrome crystal eclipse express falcon finder fusion galaxy harbour jasmine
  kettle lambda mercury native phoenix pigeon pillar planet pocket prairie puppet python ranger
  rocket sketch spring thrift travel vector viking wizard
  airflow azure container cypress discord iceberg meetup pairing pandas persona retro
  retrospective sprint starburst streaming tableau tailwind velocity warehouse waterfall
  crest jaws soar bicep unreal`
    .split(/\s+/)
    .filter(Boolean),
);

/** An everyday word or its plural ("hats", "teams"), folded to small letters. */
export const isOrdinaryWord = (folded: string): boolean =>
  ordinaryWords.has(folded) || (folded.endsWith('s') && ordinaryWords.has(folded.slice(0, -1)));

/** The plural of an everyday word that is not itself one ("teams", not "pandas"), folded. */
export const isOrdinaryPlural = (folded: string): boolean =>
  !ordinaryWords.has(folded) && folded.endsWith('s') && ordinaryWords.has(folded.slice(0, -1));
