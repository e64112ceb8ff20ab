"""
### Topic queries, checked each time Airflow parses the DAG folder (this file defines no DAG)

A topic in `include/config/topics.yaml` whose query does not compile (a syntax error, an unknown
field or term list) shows up as a DAG import error of this file, naming the topic, the line and
the column. `news_monitor` keeps running and matches every other topic; its `match_topics` task
logs the topic it left out. A topics file that cannot be loaded at all is news_monitor's own
import error instead.
"""

from wirewatch.match import raise_for_query_errors

raise_for_query_errors()
