"""English filler templates: everyday local news from British towns."""

FIRST_F = ("Helen", "Siobhan", "Joanne", "Claire", "Bethany", "Zoë", "Amelia", "Rachel", "Niamh")
FIRST_M = ("David", "Mark", "Rhys", "Ian", "Neil", "Patrick", "Kieran", "Stuart", "Tom")
LAST = (
    "Thompson",
    "Harris",
    "Walsh",
    "Pengelly",
    "Carter",
    "Brennan",
    "Hughes",
    "Whitfield",
    "Okafor",
    "Lawson",
    "Fairbairn",
    "Moran",
    "Tremayne",
    "Ashworth",
    "Dunne",
    "Gilchrist",
)
COMPANIES = (
    "Tamar Marine Engineering",
    "Northgate Foods",
    "Coastline Composites",
    "Pennine Packaging",
    "Harbourside Brewing Co",
    "Wearside Medical Devices",
    "Redruth Precision",
    "Tyne Valley Bakeries",
)
PRODUCTS = (
    "marine propellers",
    "ready meals",
    "lightweight boat hulls",
    "recyclable packaging",
    "craft beer",
    "diagnostic equipment",
)
FESTIVALS = (
    "Folk Festival",
    "Food and Drink Festival",
    "Literary Festival",
    "Jazz Weekend",
    "Open Air Cinema season",
)
WORKS = (
    "Twelfth Night",
    "The Importance of Being Earnest",
    "An Inspector Calls",
    "Blithe Spirit",
    "Much Ado About Nothing",
    "The Crucible",
)
STREETS = ("Fore Street", "Station Road", "Market Place", "Harbour Road", "Church Lane", "Victoria Street")
STOPS = ("Town Hall", "Bus Station", "Hospital", "Library", "Market Square", "Leisure Centre", "Quay")
VENUES = ("Quayside Park", "Riverside Ground", "Victoria Park", "Memorial Ground")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HOME = "{town} Town"
AWAY = "{town2} Rovers"
SCORE_SEP = "-"
CURRENCY = {"CHF": "CHF", "EUR": "€", "GBP": "£"}
MILLIONS = "{currency}{x}m"

STORIES = (
    {
        "category": "local",
        "headlines": (
            "{town} council approves budget with {money} shortfall",
            "Council tax to rise as {town} sets {year} budget",
            "{town} budget passes after marathon council meeting",
        ),
        "leads": (
            "Councillors in {town} voted {votes_yes} to {votes_no} on {weekday} evening to approve next year's "
            "budget, which leaves a gap of {money} to be filled from reserves.",
            "After a meeting lasting more than five hours, {town} council has agreed its budget for {year}, "
            "with council tax set to rise by {pct} per cent.",
        ),
        "bodies": (
            'Finance portfolio holder {person} called it "the least painful option available", blaming rising '
            "costs in adult social care and school transport.",
            "Opposition councillors tried and failed to reverse cuts to library opening hours, while a "
            "proposal to raise car parking charges was withdrawn.",
            "The largest single item is the refurbishment of the primary school on {street}, which has been "
            "allocated {money_small}.",
            '"We have protected the services people rely on most," said council leader {person2}. "But '
            'nobody should pretend next year will be easier."',
            "Neighbouring {town2} is expected to set its own budget next month and is facing similar "
            "pressures.",
        ),
    },
    {
        "category": "local",
        "headlines": (
            "Plans unveiled for new {money} swimming pool in {town}",
            "{town} pool replacement moves a step closer",
        ),
        "leads": (
            "{town}'s ageing leisure pool would be demolished and replaced under plans costing {money} that "
            "were unveiled by the council on {weekday}.",
        ),
        "bodies": (
            "The current building dates from the 1970s and repairs over the past decade have already cost "
            "more than {money_small}.",
            "The new centre would include a 25-metre pool with {n} lanes, a learner pool and a small gym. "
            "Local schools would use it during the day.",
            'Councillor {person} said: "This is a place where toddlers learn to swim and pensioners keep fit. '
            'We are not prepared to lose it."',
            "Residents on {street} have raised concerns about parking, and the council has promised more "
            "cycle racks and a better bus link.",
            "A public consultation runs until the end of {month}, and a final decision is expected in {year}.",
        ),
    },
    {
        "category": "weather",
        "headlines": (
            "Snow forecast on high ground as temperatures plunge",
            "Cold snap on the way: forecasters warn of ice",
        ),
        "leads": (
            "Forecasters are warning of a sharp drop in temperatures over the coming days, with snow possible "
            "above {altitude} metres from {weekday2} night.",
        ),
        "bodies": (
            "Daytime highs will struggle to reach {temp_hi}C, and overnight temperatures could fall to "
            "{temp_lo}C, bringing a risk of ice on untreated roads.",
            '"Anyone heading onto the hills should keep a close eye on the forecast," said meteorologist '
            "{person}. Winds could be much stronger on exposed tops.",
            "High pressure is expected to build again from {weekday}, although fog may be slow to clear in "
            "sheltered valleys.",
            "Gritting crews have been put on standby and drivers are being urged to allow extra time.",
        ),
    },
    {
        "category": "weather",
        "headlines": (
            "Flash flooding in {town} as downpour swamps streets",
            "Torrential rain leaves {town} homes flooded",
        ),
        "leads": (
            "Firefighters were called out repeatedly on {weekday} after torrential rain caused flooding across "
            "{town}, with up to {rain}mm falling in two hours.",
        ),
        "bodies": (
            "Crews attended {count_small} incidents by the evening, mostly flooded cellars and fallen trees. "
            "No one was hurt.",
            "{street} was closed for several hours after mud and debris washed across the road.",
            "Farmers said the rain was welcome after a dry summer that had left fields parched.",
            "Gusts of up to {wind}mph are forecast for the coming days, and a level {level} weather warning "
            "has been issued.",
        ),
    },
    {
        "category": "sport",
        "headlines": (
            "{home} beat {away} {score}",
            "Late {scorer} strike gives {home} {score} win over {away}",
            "{home} keep up promotion push as {spectators} fans look on",
        ),
        "leads": (
            "{home} earned a deserved {score} win over {away} on {weekday}, cheered on by {spectators} "
            "supporters, with {scorer} scoring the decisive goal in the {minute_ord} minute.",
            "{home} controlled the game from the first whistle at {venue} and ran out {score} winners "
            "against {away}.",
        ),
        "bodies": (
            "The visitors started brightly and {player} had the first clear chance, but his shot flashed "
            "just wide of the post.",
            "{home} raised the tempo after the break. Manager {person2} praised his players' work rate: "
            '"We played as a team today, every one of them."',
            "The win lifts {home} to {rank_ord} in the table, {n} points behind the leaders.",
            "For {away} it was a sobering afternoon: their {n2_ord} defeat in a row.",
            "There was a scare in the {minute2_ord} minute when two players clashed heads, but both were able "
            "to continue after treatment.",
            "{home} travel to {town2} next {weekday2}.",
        ),
    },
    {
        "category": "sport",
        "headlines": (
            "{count_big} runners take part in {town} 10K",
            "Course record falls at {town} 10K",
        ),
        "leads": (
            "{count_big} runners took to the streets of {town} on {weekday} in glorious autumn sunshine. "
            "{person} won the women's race and {person2} the men's.",
        ),
        "bodies": (
            "{person2} finished in {run_minutes} minutes, shaving a few seconds off the course record.",
            "Brass bands and drummers lined the route, with the biggest crowds gathered along {street}.",
            "For the first time there was a race for school teams, with {count} children taking part.",
            "Organisers said the day had gone smoothly, with first aiders treating only a handful of runners.",
        ),
    },
    {
        "category": "culture",
        "headlines": (
            "Review: {work} at the {town} Playhouse",
            "A fresh take on {work} opens in {town}",
        ),
        "leads": (
            "The audience at the {town} Playhouse gave a long ovation on {weekday} night to a new production of "
            "{work}, directed by {person} in her debut for the theatre.",
        ),
        "bodies": (
            "The play has been moved to a modern open-plan office, a conceit that works surprisingly well, even "
            "if the second half drags a little.",
            "{person2} is superb in the lead role, bringing wit and real presence to the stage.",
            "The set, built from sliding glass panels, keeps creating new spaces as the evening goes on.",
            "The run continues until the end of {month}, and several performances are close to selling out.",
        ),
    },
    {
        "category": "culture",
        "headlines": (
            "{town} {festival} draws {count_big} visitors",
            "Record year for {town} {festival}",
        ),
        "leads": (
            "This year's {town} {festival} attracted {count_big} visitors, the most in its history, and "
            "organisers say they are delighted.",
        ),
        "bodies": (
            "Alongside big names, the programme made room for young local talent, and several evenings sold "
            "out weeks in advance.",
            "Director {person} said she was especially pleased by the number of first-time visitors.",
            "Plans for {year} include extra venues and a bigger budget of around {money_small}.",
            "The only blot was a thunderstorm that cut short one evening on the second weekend.",
        ),
    },
    {
        "category": "economy",
        "headlines": (
            "{company} to create {jobs} jobs in {town}",
            "{company} announces {money} investment in {town} site",
        ),
        "leads": (
            "{company} is to expand its site in {town}, creating {jobs} jobs over the next two years as part of "
            "a {money} investment.",
        ),
        "bodies": (
            "Managing director {person} said the decision reflected a strong order book and close links with "
            "local colleges.",
            "The firm employs around {count_big} people and specialises in {product}.",
            "The council welcomed the news and said it had helped the company find land for the new building "
            "on {street}.",
            'Economic development officer {person2} called it "a real vote of confidence in the area".',
        ),
    },
    {
        "category": "economy",
        "headlines": (
            "{town} high street sales up {pct} per cent",
            "Shoppers return to {town} town centre",
        ),
        "leads": (
            "Shops in {town} town centre took {pct} per cent more in the last quarter than a year earlier, "
            "according to a survey by the local business improvement district.",
        ),
        "bodies": (
            "Food, homeware and sports goods sold particularly well, while small clothing boutiques continue "
            "to find trading difficult.",
            "Traders hope the momentum will carry into the Christmas season, provided the town centre remains "
            "easy to reach.",
            "Economist {person} urged caution, noting that part of the increase reflects higher prices.",
            "In {town2}, sales rose by a more modest {n} per cent.",
        ),
    },
    {
        "category": "transport",
        "headlines": (
            "Roadworks: {line} bus diverted for {weeks} weeks in {town}",
            "{stop} stop closed as {line} bus diverted",
        ),
        "leads": (
            "Resurfacing work on {street} means the number {line} bus will be diverted from {weekday} for about "
            "{weeks} weeks, with the {stop} and {stop2} stops closed.",
        ),
        "bodies": (
            "The operator is advising passengers to allow extra time. Temporary stops are signposted and "
            "revised timetables are online.",
            "The road will be closed to through traffic overnight while the work is carried out. Residents "
            "have been written to.",
            "The scheme costs {money_small}, and water mains will be replaced at the same time.",
            "Project manager {person} promised to keep noise to a minimum.",
        ),
    },
    {
        "category": "transport",
        "headlines": (
            "New timetable brings half-hourly trains between {town} and {town2}",
            "Faster journeys to {town2} as December timetable changes",
        ),
        "leads": (
            "From December, {town} will have a direct train to {town2} every half hour, cutting journey times "
            "by {n} minutes.",
        ),
        "bodies": (
            'Commuters welcomed the change. "No more changing trains at the junction," said one passenger at '
            "{town} station.",
            "Transport planner {person} expects passenger numbers on the line to grow by {pct} per cent.",
            "The improvement is part of a wider programme to boost rail services across the region by {year}.",
            "Smaller villages are less happy, with some late-evening services being withdrawn.",
        ),
    },
)
