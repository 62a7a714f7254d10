"""Pure-Python domain layer: records and calculations, standard library only.

Modules: ``entities`` (records), ``scales`` (scales, vocabularies, validation), ``load``
(training load), ``light`` (pain-monitoring traffic light), ``redflags`` (when to see a
clinician), ``change`` (clinically important change).
"""
