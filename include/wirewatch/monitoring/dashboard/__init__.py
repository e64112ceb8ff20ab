"""The Wirewatch page in the Airflow UI: feed health, matches per topic per day, latest stories, runs."""
