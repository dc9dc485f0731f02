"""The demo stock: a synthetic team of caseworkers and their cases, impulses, follow-ups and
contacts built from a seed, with every figure it assumes labelled (demo).
"""
