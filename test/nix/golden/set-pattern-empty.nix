[
  ({ }: null)
  ({ ... }: null)
]
