"""The stock and the Today list: a caseworker's open cases loaded in bulk with their facts,
today's planned lane and ranked list, explain, planning and the stock counts and table
(stock), saved views of the stock table (views) and search over names, case ids, employers
and impulse texts (search).
"""
