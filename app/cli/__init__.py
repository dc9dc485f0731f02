"""The command line, a front door like ui/: one module per command group (main registers them;
followup, reminders, impulse, imports, team, backup, server), the options and context every
command shares (common) and the plain-text output (output). The engine never imports this
package.
"""
