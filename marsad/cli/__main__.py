"""`python -m marsad.cli`, the same as the `marsad` console script."""

import sys

from marsad.cli import main

sys.exit(main())
